/** Short enough to read out over the phone, unique enough to find one action in the logs. */
export function newCorrelationId(random: () => number = Math.random): string {
    let id = '';
    for (let i = 0; i < 8; i++) {
        id += '0123456789abcdefghjkmnpqrstvwxyz'[Math.floor(random() * 32)];
    }
    return `lp-${id}`;
}
