/** What an error may put into the app's log: its name and code locations, never a line of its message. */
import { errorSummary } from '../../src/logging';

const failure = (message: string, frames: string[]): Error => {
    const error = new TypeError(message);
    error.stack = [`TypeError: ${message}`, ...frames.map((frame) => `    ${frame}`)].join('\n');
    return error;
};

describe('errorSummary', () => {
    it.each([
        ['Node, a function in a file', 'at readVisitor (/app/dist/Main.js:10:5)'],
        ['Node, a bare location', 'at file:///app/dist/Main.js:10:5'],
        [
            'Deno, the app evaluated by the runtime',
            'at executor (eval at wrapAppCode (file:///engine/deno-runtime/handlers/app/construct.ts:54:9), <anonymous>:812:17)',
        ],
        ['Deno, an async app frame', 'at async VisitorInfoCommand.executor (eval at wrapAppCode (file:///engine/construct.ts:54:9), <anonymous>:9:3)'],
        ['an internal module', 'at process.processTicksAndRejections (node:internal/process/task_queues:95:5)'],
    ])('keeps a code location: %s', (_name, frame) => {
        expect(errorSummary(failure('boom', [frame]))).toEqual({ name: 'TypeError', frames: frame });
    });

    it('drops message lines that look like frames, and frames that hold an address', () => {
        const message = 'visitor not found\nat jane.doe@example.org (+44 20 7946 0958)\n    at Jane Doe (/home/jane:1:1)';
        const summary = errorSummary(failure(message, ['at mask (/app/Main.js:3:4)', 'at x (https://jane@example.org/a.js:1:1)']));
        expect(summary).toEqual({ name: 'TypeError', frames: 'at mask (/app/Main.js:3:4)' });
    });

    it('keeps five frames at most, and names a thrown value that is no Error by its type', () => {
        const frames = Array.from({ length: 8 }, (_, i) => `at f${i} (/app/Main.js:${i + 1}:1)`);
        expect(errorSummary(failure('boom', frames)).frames.split(' | ')).toEqual(frames.slice(0, 5));
        expect(errorSummary('a string')).toEqual({ name: 'string', frames: '' });
    });
});
