/** Times are shown the same way in every language: unambiguous, and in UTC like Rocket.Chat's logs. */
export function formatDateTime(iso: string | undefined): string | undefined {
    if (!iso) {
        return undefined;
    }
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? undefined : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export const formatNumber = (value: number | undefined): string | undefined => (value === undefined ? undefined : String(value));
