/** Stand-in for `jsr:@std/io`'s `writeAll`: a writer may take part of the buffer per call, so loop until all is written. */
export async function writeAll(writer: { write(p: Uint8Array): Promise<number> }, data: Uint8Array): Promise<void> {
    let written = 0;
    while (written < data.length) {
        written += await writer.write(data.subarray(written));
    }
}
