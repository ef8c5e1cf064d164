/** Once per `jest` run, before the workers start: the Deno runtime's cache filled (about 1 s the first time). */
import { prepareDenoRuntime } from './engine/denoRuntime';

export default function globalSetup(): void {
    prepareDenoRuntime();
}
