import { parseVisitorInfoArgs } from '../../src/commands/parseVisitorInfoArgs';

describe('reading /visitorinfo arguments', () => {
    it.each([
        [[], { kind: 'show' }],
        [['refresh'], { kind: 'refresh' }],
        [['REFRESH'], { kind: 'refresh' }],
        [['status'], { kind: 'status' }],
        [['help'], { kind: 'help' }],
        [['unlink'], { kind: 'unlink' }],
        [['link', 'p-1'], { kind: 'link', participantId: 'p-1' }],
        [['link'], { kind: 'link', participantId: undefined }],
        [['6a22b1765528fa64dd29de70'], { kind: 'byId', visitorId: '6a22b1765528fa64dd29de70' }],
        [['hlep'], { kind: 'help', unknown: 'hlep' }],
        [['imported_visitor-42'], { kind: 'byId', visitorId: 'imported_visitor-42' }],
        [['link', 'a', 'b'], { kind: 'help', unknown: 'link a b' }],
        [['status', '6a22b1765528fa64dd29de70'], { kind: 'status', target: '6a22b1765528fa64dd29de70' }],
        [['status', 'msg:c-1'], { kind: 'status', target: 'msg:c-1' }],
        [['status', 'a', 'b'], { kind: 'help', unknown: 'status a b' }],
        [['../etc/passwd'], { kind: 'help', unknown: '../etc/passwd' }],
    ])('%p -> %p', (args, expected) => {
        expect(parseVisitorInfoArgs(args)).toEqual(expected);
    });
});
