/** A problem the packager found: printed as a list of plain sentences, no stack trace. */
export class PackagingError extends Error {
    constructor(readonly problems: string[]) {
        super(problems.join('\n'));
        this.name = 'PackagingError';
    }
}
