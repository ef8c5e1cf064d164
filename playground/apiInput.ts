/** What the page sends the playground's API: small JSON objects with typed fields; anything else is a 4xx answer. */
import type http from 'node:http';

const MAX_BODY_BYTES = 64 * 1024;

/** Answered with its status; also what the session throws for a request the page should not have sent (400). */
export class HttpError extends Error {
    constructor(
        readonly status: number,
        message: string,
    ) {
        super(message);
    }
}

export function readJsonBody(request: http.IncomingMessage): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        request.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_BODY_BYTES) {
                reject(new HttpError(413, 'request body too large'));
                request.destroy();
                return;
            }
            chunks.push(chunk);
        });
        request.once('end', () => {
            const raw = Buffer.concat(chunks).toString('utf8');
            try {
                const parsed: unknown = raw === '' ? {} : JSON.parse(raw);
                if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
                resolve(parsed as Record<string, unknown>);
            } catch {
                reject(new HttpError(400, 'the body must be a JSON object'));
            }
        });
        request.once('error', reject);
    });
}

interface FieldTypes {
    string: string;
    boolean: boolean;
    number: number;
}

/** The body's field `name`, undefined when absent; of another type (or a number that is not finite), a 400. */
export function field<T extends keyof FieldTypes>(body: Record<string, unknown>, name: string, type: T): FieldTypes[T] | undefined {
    const value = body[name];
    if (value === undefined) return undefined;
    if (typeof value !== type || (type === 'number' && !Number.isFinite(value))) throw new HttpError(400, `"${name}" must be a ${type}`);
    return value as FieldTypes[T];
}

export function requiredString(body: Record<string, unknown>, name: string): string {
    const value = field(body, name, 'string');
    if (value === undefined) throw new HttpError(400, `"${name}" must be a string`);
    return value;
}
