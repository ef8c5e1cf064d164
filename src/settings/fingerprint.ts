/**
 * Tells settings apart without keeping the credentials next to what they made (a stored session, a cached
 * answer): two FNV-1a passes give 64 bits, plenty to notice a change. This is not a security boundary.
 */
export function fingerprintOf(parts: unknown): string {
    const text = JSON.stringify(parts);
    return fnv1a(text, 0x811c9dc5) + fnv1a(text, 0x01000193);
}

function fnv1a(text: string, seed: number): string {
    let hash = seed >>> 0;
    for (let i = 0; i < text.length; i++) {
        hash ^= text.charCodeAt(i);
        hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash.toString(16).padStart(8, '0');
}
