const HIDDEN = '••••';

/** Keeps the last 4 characters, enough to recognise a value; fixed bullets so the length does not leak. */
export function maskValue(value: string): string {
    return value.length <= 4 ? HIDDEN : `${HIDDEN}${value.slice(-4)}`;
}

export const maskedIf = (mask: boolean) => (value: string): string => (mask ? maskValue(value) : value);
