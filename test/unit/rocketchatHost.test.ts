/**
 * The test host's Rocket.Chat rules, each as Rocket.Chat's source has it (see the comments in test/support/host):
 * what the converters keep, which rooms `getLivechatRooms` finds, what `cancelJob` cancels, which settings are
 * readable, where a private message shows. Scenarios rely on these; a wrong rule here makes them lie.
 */
import type { IVisitor } from 'apps-engine-1-62/definition/livechat';

import { bridgeMethods } from '../support/host/bridgeMethods';
import { JobScheduler } from '../support/host/jobScheduler';
import { HostRecorder } from '../support/host/recorder';
import { Workspace } from '../support/host/workspace';
import { seedWorkspace } from '../support/world';

const setUp = (options: { externalIds?: boolean; bson4?: boolean } = {}) => {
    const workspace = new Workspace({ externalIds: options.externalIds });
    const sample = seedWorkspace(workspace);
    const recorder = new HostRecorder();
    const scheduler = new JobScheduler({ now: Date.now, bson4: options.bson4 });
    const methods = bridgeMethods({ workspace, recorder, http: undefined as never, externalIdWrites: true, scheduler, instance: 0 });
    return { workspace, sample, recorder, scheduler, methods };
};

describe('the visitor converter', () => {
    it('maps a fixed set of fields to the top level, and leaves the rest under _unmappedProperties_', () => {
        const { workspace, sample } = setUp();
        const visitor = workspace.visitor(sample.visitors.externalIds.id) as unknown as Record<string, unknown>;
        expect(Object.keys(visitor).sort()).toEqual(
            [
                '_unmappedProperties_',
                'department',
                'externalIds',
                'id',
                'livechatData',
                'name',
                'phone',
                'status',
                'token',
                'updatedAt',
                'username',
                'visitorEmails',
            ].sort(),
        );
        expect(Object.keys(visitor._unmappedProperties_ as object).sort()).toEqual(['contactId', 'contactManager', 'ip', 'lastChat', 'ts']);
    });

    it('before 8.4 externalIds is one more unmapped field; a disabled visitor is undefined', () => {
        const { workspace, sample } = setUp({ externalIds: false });
        const id = sample.visitors.externalIds.id;
        expect(workspace.visitor(id)).not.toHaveProperty('externalIds');
        expect((workspace.visitor(id) as unknown as { _unmappedProperties_: object })._unmappedProperties_).toHaveProperty('externalIds');
        workspace.updateVisitor(id, (visitor) => ({ ...visitor, disabled: true }));
        expect(workspace.visitor(id)).toBeUndefined();
    });
});

describe('getLivechatRooms (the livechat bridge’s findRooms)', () => {
    it('finds the visitor’s open rooms only, by token, in the department asked for', async () => {
        const { workspace, sample, methods } = setUp();
        const visitor = workspace.visitor(sample.visitors.externalIds.id) as IVisitor;
        workspace.addLivechatRoom({
            id: 'roomEarlier000001',
            visitor,
            servedBy: sample.users.otherAgent,
            createdAt: new Date('2026-05-01T10:00:00Z'),
            closed: { at: new Date('2026-05-01T10:30:00Z'), by: 'visitor' },
        });
        const ids = async (departmentId: string | null) =>
            ((await methods.livechat.findRooms(visitor, departmentId)) as Array<{ id: string }>).map((room) => room.id);
        expect(await ids(null)).toEqual(['roomExternalIds01', 'roomPortugues0001']);
        expect(await ids(sample.department.id)).toEqual(['roomExternalIds01']);
        expect(await methods.livechat.findRooms(null, null)).toEqual([]);
        // The closed one is still stored, and converted with its visitor as the closer.
        expect(workspace.room('roomEarlier000001')).toMatchObject({
            closer: 'visitor',
            closedBy: { id: visitor.id },
            servedBy: { id: sample.users.otherAgent.id },
        });
    });
});

describe('cancelJob (Agenda behind the scheduler bridge)', () => {
    const schedule = (scheduler: JobScheduler, name: string) => scheduler.scheduleOnce({ id: name, when: new Date() });

    it('bson 4 (6.x) takes a 12-character id for an ObjectId and cancels nothing; bson 6 cancels it by name', () => {
        for (const bson4 of [true, false]) {
            const { scheduler } = setUp({ bson4 });
            schedule(scheduler, 'lpvi-prewarm_app-1');
            scheduler.cancel('lpvi-prewarm_app-1');
            expect(scheduler.named('lpvi-prewarm_app-1')).toHaveLength(bson4 ? 1 : 0);
        }
    });

    it('any other name is cancelled by name on both, every job of it; a document id cancels that document only', () => {
        const { scheduler } = setUp({ bson4: true });
        schedule(scheduler, 'lpvi-prewarm-once_app-1');
        schedule(scheduler, 'lpvi-prewarm-once_app-1');
        const kept = schedule(scheduler, 'other_app-1');
        const dropped = schedule(scheduler, 'other_app-1');
        scheduler.cancel('lpvi-prewarm-once_app-1');
        scheduler.cancel(`${dropped}_app-1`);
        expect(scheduler.jobs.map((job) => job._id)).toEqual([kept]);
    });
});

describe('server settings and private messages', () => {
    it('an unknown or hidden setting is "not readable"', async () => {
        const { workspace, methods } = setUp();
        await expect(methods.serverSetting.getOneById('Language')).resolves.toMatchObject({ id: 'Language', value: 'en' });
        workspace.hiddenSettings.add('Language');
        await expect(methods.serverSetting.getOneById('Language')).rejects.toThrow('The setting "Language" is not readable.');
        await expect(methods.serverSetting.getOneById('No_Such_Setting')).rejects.toThrow('not readable');
    });

    it('a private message is seen only in the room its user has open', async () => {
        const { sample, recorder, methods } = setUp();
        const { agent } = sample.users;
        recorder.web.open(agent.id, sample.rooms.channel.id);
        await methods.message.notifyUser(agent, { room: sample.rooms.field, text: 'elsewhere' });
        await methods.message.notifyUser(agent, { room: sample.rooms.channel, text: 'here' });
        expect(recorder.notices.map(({ text, seen }) => [text, seen])).toEqual([
            ['elsewhere', false],
            ['here', true],
        ]);
    });
});
