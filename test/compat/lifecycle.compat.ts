/**
 * The packaged zip in one Apps-Engine release, on the Deno build its Rocket.Chat releases run (the pair named by
 * COMPAT_ENGINE; `npm run test:compat` runs each pair in its own jest run): install and enable, /visitorinfo,
 * the room action, a refusal, disable. Same bridges, simulator and after-test checks as the main suite: nothing
 * posted to a room, no bridge method missing, no engine error, no secret or token anywhere visible.
 */
import fs from 'node:fs';
import path from 'node:path';

import { AppStatus } from 'apps-engine-1-62/definition/AppStatus';

import { packagedAppInfo } from '../support/engine/engine';
import { primaryAccountId, seedParticipantId } from '../support/liveperson-fixtures';
import { packagedZipPath } from '../support/packaged-zip';
import { signedLivePersonId } from '../support/signedIds';
import { useWorld } from '../support/useWorld';
import { readPanel, ROOM_ACTION_ID, SIGNING_SECRET, surfaceText } from '../support/world';
import { pairEngine } from './pairEngine';
import { pairFor } from './pairs';

const pair = pairFor(process.env.COMPAT_ENGINE ?? '');
const engine = pairEngine(pair);
const info = packagedAppInfo(fs.readFileSync(packagedZipPath()));
/** Up to 1.53 the engine takes a disabled app's commands back from the host; from 1.55 it leaves them registered and refuses to run them. */
const [engineMajor, engineMinor] = pair.engine.split('.').map(Number);
const keepsCommandsOfDisabledApps = engineMajor > 1 || engineMinor >= 55;

const world = useWorld({ engine, externalIdWrites: pair.externalIdWrites, settings: { lp_signing_secret: SIGNING_SECRET } });

/** The executables of this process's live child processes: the engine's app subprocesses. */
function childExecutables(): string[] {
    const found: string[] = [];
    for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
        try {
            const parent = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1];
            if (parent === String(process.pid)) found.push(fs.realpathSync(`/proc/${pid}/exe`));
        } catch {
            // Gone while we looked, or a child that has exited: not running anything.
        }
    }
    return found;
}

describe(`Apps-Engine ${pair.engine} with Deno ${pair.deno} (Rocket.Chat ${pair.rocketChat})`, () => {
    it('installs from the zip with the engine’s own checks, enabled with the permissions its app.json declares, in a subprocess of the named Deno', async () => {
        expect(JSON.parse(fs.readFileSync(path.join(engine.engineDir, 'package.json'), 'utf8'))).toMatchObject({ version: pair.engine });
        expect([AppStatus.AUTO_ENABLED, AppStatus.MANUALLY_ENABLED]).toContain(await world.instances[0].app.getStatus());
        expect(world.manager.getPermissionsById(info.id)).toEqual(info.permissions);
        expect(world.host.commands.get('visitorinfo')).toMatchObject({ appId: info.id, command: { permission: 'view-l-room' } });
        expect(childExecutables()).toEqual([fs.realpathSync(engine.denoBinary)]);
    });

    it('the serving agent runs /visitorinfo in an omnichannel room: the panel opens with the visitor and the LivePerson profile', async () => {
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(world.host.web.surfaces).toEqual([expect.objectContaining({ userId: world.users.agent.id, type: 'contextual_bar.open', dropped: false })]);
        const panel = readPanel(world.panel());
        expect(panel.name).toBe('Test User');
        expect(panel.state).toMatchObject({ variant: 'success', title: 'Verified by LivePerson' });
        expect(panel.fields.get('Name in Rocket.Chat')).toBe('Postman Test Visitor');
        expect(panel.fields.get('Account')).toBe('bank corp');
        expect(world.sim.count('participantInfo')).toBe(1);
    });

    it('the room action opens the same panel', async () => {
        await world.command(world.users.agent, world.rooms.externalIds);
        const viaCommand = world.panel();
        expect(await world.roomAction(world.users.agent, world.rooms.externalIds)).toMatchObject({ success: true });
        expect(world.host.web.surfaces.map((surface) => [surface.type, surface.dropped])).toEqual([
            ['contextual_bar.open', false],
            ['contextual_bar.open', false],
        ]);
        expect(surfaceText(world.panel())).toBe(surfaceText(viaCommand));
        expect(await world.manager.getUIActionButtonManager().getAllActionButtons()).toEqual([expect.objectContaining({ actionId: ROOM_ACTION_ID })]);
    });

    it('an id the website signed verifies in this runtime: "Verified by your website"', async () => {
        const visitor = world.visitors.none;
        const value = signedLivePersonId({ sub: seedParticipantId, accountId: primaryAccountId, visitorToken: visitor.token, secret: SIGNING_SECRET });
        world.workspace.updateVisitor(visitor.id, (current) => ({ ...current, livechatData: { lpParticipantId: value } }));
        await world.command(world.users.agent, world.rooms.none);
        expect(readPanel(world.panel()).state).toMatchObject({ variant: 'success', title: 'Verified by your website' });
    });

    it('a Messaging consumer: the profile and the earlier conversations, from one LivePerson request', async () => {
        await world.command(world.users.agent, world.rooms.messaging);
        const panel = readPanel(world.panel());
        expect(panel.state).toMatchObject({ title: 'Verified by LivePerson' });
        expect(panel.sections.get('Earlier conversations')?.length).toBeGreaterThan(0);
        expect(world.sim.count('msgHistConsumer')).toBe(1);
    });

    it('an agent not serving the room is refused in a private message, and LivePerson is not asked', async () => {
        await world.command(world.users.otherAgent, world.rooms.externalIds);
        expect(world.host.web.surfaces).toEqual([]);
        expect(world.host.notices).toEqual([expect.objectContaining({ userId: world.users.otherAgent.id, roomId: world.rooms.externalIds.id })]);
        expect(world.lastNoticeText()).toContain("You can't see this visitor's details");
        expect(world.sim.count('participantInfo')).toBe(0);
    });

    it('disabled: LivePerson is logged out, the room action is gone, and /visitorinfo shows nothing', async () => {
        await world.command(world.users.agent, world.rooms.externalIds);
        world.host.clear();
        world.sim.clearLog();
        await world.disable();
        expect(await world.instances[0].app.getStatus()).toBe(AppStatus.DISABLED);
        expect(world.sim.requests.map((request) => request.route)).toEqual(['logout']);
        expect(await world.manager.getUIActionButtonManager().getAllActionButtons()).toEqual([]);
        expect(world.host.commands.has('visitorinfo')).toBe(keepsCommandsOfDisabledApps);
        const typed = world.command(world.users.agent, world.rooms.externalIds);
        // A command the host no longer has is one the engine does not know: it runs nothing, and says nothing.
        await (keepsCommandsOfDisabledApps ? expect(typed).rejects.toThrow('not enabled') : expect(typed).resolves.toBeUndefined());
        expect([world.host.web.surfaces, world.host.notices, world.sim.count('participantInfo')]).toEqual([[], [], 0]);
    });
});
