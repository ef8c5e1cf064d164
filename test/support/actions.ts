import type { IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import type { IUser } from '@rocket.chat/apps-engine/definition/users';

import { refreshButton, shownPanel } from './observe';
import type { SampleWorld } from './sample-world';

/** What an agent does, in the words of the README. */
export function agentActions(world: SampleWorld) {
    const { host } = world;
    return {
        command: (user: IUser, room: IRoom, ...args: string[]) => host.runSlashCommand({ command: 'visitorinfo', args, sender: user, room }),
        commandWithoutTrigger: (user: IUser, room: IRoom, ...args: string[]) =>
            host.runSlashCommand({ command: 'visitorinfo', args, sender: user, room, triggerId: '' }),
        roomAction: (user: IUser, room: IRoom) => host.clickActionButton({ actionId: 'lpvi-room-action', user, room }),
        async refresh(user: IUser, room?: IRoom) {
            const panel = shownPanel(host);
            if (!panel) throw new Error('no panel is open');
            const button = refreshButton(panel);
            return host.clickBlockAction({ ...button, user, room, container: { type: 'view', id: panel.id } });
        },
        /** Logs in and opens the agent session the way the app does after it is enabled. */
        prewarm: () => host.runJob('lpvi-prewarm'),
    };
}
