import type { IConfigurationExtend } from '@rocket.chat/apps-engine/definition/accessors';
import type { App } from '@rocket.chat/apps-engine/definition/App';
import { RoomTypeFilter, UIActionButtonContext } from '@rocket.chat/apps-engine/definition/ui';

import { VisitorInfoCommand } from '../commands/VisitorInfoCommand';
import { ROOM_ACTION_ID } from '../ids';
import { jobProcessors } from '../lifecycle/jobs';
import { errorSummary } from '../logging';
import { SETTINGS } from '../settings/settingDefinitions';
import type { AppServices } from './AppServices';

/**
 * What the app adds to Rocket.Chat. The slash command comes last and may already exist: Apps-Engine 1.5x-1.6x
 * keep an app's commands when it is disabled, so enabling it again finds `/visitorinfo` registered (and
 * working). Letting that refusal abort this step would lose the room action, as it did before.
 */
export async function registerEverything(app: App, services: AppServices, configuration: IConfigurationExtend): Promise<void> {
    await Promise.all(SETTINGS.map((setting) => configuration.settings.provideSetting(setting)));
    configuration.ui.registerButton({
        actionId: ROOM_ACTION_ID,
        labelI18n: 'room_action_label',
        context: UIActionButtonContext.ROOM_ACTION,
        when: { roomTypes: [RoomTypeFilter.LIVE_CHAT], hasOnePermission: ['view-l-room'] },
    });
    await configuration.scheduler.registerProcessors(jobProcessors(app, services));
    try {
        await configuration.slashCommands.provideSlashCommand(new VisitorInfoCommand(app, services));
    } catch (error) {
        const { name } = errorSummary(error);
        app.getLogger().warn(`/visitorinfo was already registered (${name}): kept from before the app was disabled, or another app's`);
    }
}
