import { translator } from '../../src/i18n/translator';
import { participantInfoSchema } from '../../src/liveperson/schemas';
import { buildProfileDocument } from '../../src/ui/buildProfileDocument';
import { renderPanelBlocks } from '../../src/ui/renderPanelBlocks';
import { parseHostVisitor } from '../../src/visitor/parseHostVisitor';
import { seedParticipant } from '../../test/support/liveperson-fixtures';

const rawVisitor = {
    id: '6a22b1765528fa64dd29de70',
    token: 'token',
    username: 'guest-10',
    status: 'online',
    updatedAt: new Date(),
    name: 'Postman Test Visitor',
    phone: [{ phoneNumber: '+15551234567' }],
    visitorEmails: [{ address: 'postman-test@example.com' }],
    department: 'dept-1',
    livechatData: { plan: 'gold' },
    externalIds: [{ appId: 'app', entityId: 'entity', metadata: { channel: 'web' } }],
};

/** CPU time of what the app itself does per panel: parsing both sources and drawing the blocks. */
export function measureAppCpu(iterations = 20_000): { parseUs: number; viewUs: number } {
    const body = JSON.stringify(seedParticipant);
    const t = translator('en');
    const time = (work: () => void) => {
        for (let i = 0; i < 1000; i++) work(); // warm-up for the JIT
        const before = process.cpuUsage();
        for (let i = 0; i < iterations; i++) work();
        const used = process.cpuUsage(before);
        return (used.user + used.system) / iterations;
    };
    const info = participantInfoSchema.parse(JSON.parse(body));
    const visitor = parseHostVisitor(rawVisitor)!;
    const parseUs = time(() => {
        participantInfoSchema.parse(JSON.parse(body));
        parseHostVisitor(rawVisitor);
    });
    const viewUs = time(() => {
        const document = buildProfileDocument(
            { visitor, departmentName: 'Billing', livePerson: { state: 'loaded', participantId: 'p', source: { kind: 'link' }, info, ageMs: 0 } },
            { maskPii: true, showSensitive: true },
            t,
        );
        renderPanelBlocks(document, { appId: 'app', refreshLabel: 'Refresh', refreshValue: '{}' });
    });
    return { parseUs, viewUs };
}
