const MAX_PARTICIPANT_ID_LENGTH = 128;

export type ParticipantIdProblem = 'empty' | 'tooLong' | 'forbiddenCharacter';

/**
 * A participant id goes into a URL path: anything that could change the path (`/ ? # ..`, an encoded slash),
 * whitespace or control characters is rejected rather than escaped, since no real id contains them.
 */
export function participantIdProblem(id: string): ParticipantIdProblem | undefined {
    if (id.length === 0) {
        return 'empty';
    }
    if (id.length > MAX_PARTICIPANT_ID_LENGTH) {
        return 'tooLong';
    }
    // eslint-disable-next-line no-control-regex
    if (/[/?#\s\u0000-\u001f\u007f\\]/.test(id) || id.includes('..') || /%2f|%5c/i.test(id)) {
        return 'forbiddenCharacter';
    }
    return undefined;
}

export const isValidParticipantId = (id: string): boolean => participantIdProblem(id) === undefined;

export const participantIdPathSegment = (id: string): string => encodeURIComponent(id);
