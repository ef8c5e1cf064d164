import type { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import type { App } from '@rocket.chat/apps-engine/definition/App';
import type { ISlashCommand, SlashCommandContext } from '@rocket.chat/apps-engine/definition/slashcommands';

import type { AppServices } from '../app/AppServices';
import { notifyPrivately } from '../handlers/notifyPrivately';
import { reportUnexpected } from '../handlers/reportUnexpected';
import { CLOSED_PANEL, showVisitor, type ShowVisitorRequest } from '../handlers/showVisitor';
import type { HostAccess } from '../hostAccess';
import { viewerFor } from '../i18n/viewerFor';
import { messageOf } from '../ui/messageBlocks';
import { hasAllowedRole, isAdmin } from '../visitor/access';
import { roomVisitor } from '../visitor/roomVisitor';
import { helpMessage } from './helpText';
import { linkParticipant } from './linkParticipant';
import { parseVisitorInfoArgs } from './parseVisitorInfoArgs';
import { runStatus } from './runStatus';

export class VisitorInfoCommand implements ISlashCommand {
    public command = 'visitorinfo';
    public i18nParamsExample = 'visitorinfo_command_params';
    public i18nDescription = 'visitorinfo_command_description';
    /** The host refuses users without it before the app runs: the same permission visitors.info needs. */
    public permission = 'view-l-room';
    public providesPreview = false;

    /**
     * `app` is held so that the subprocess runtime can hand it, per call, the logger of that call (it wraps the
     * command's App-valued property); the in-process runtime replaces the app's logger per call instead.
     */
    constructor(
        private readonly app: App,
        private readonly services: AppServices,
    ) {}

    public async executor(context: SlashCommandContext, read: IRead, modify: IModify, http: IHttp, persis: IPersistence): Promise<void> {
        const receivedAt = Date.now();
        const host: Required<HostAccess> = { read, modify, http, persis, logger: this.app.getLogger() };
        try {
            await this.run(host, context, receivedAt);
        } catch (error) {
            await reportUnexpected(host, context.getSender(), context.getRoom(), error);
        }
    }

    private async run(host: Required<HostAccess>, context: SlashCommandContext, receivedAt: number): Promise<void> {
        const user = context.getSender();
        const room = context.getRoom();
        const command = parseVisitorInfoArgs(context.getArguments());
        const viewer = await viewerFor(user, host.read, this.services.config);
        const { t } = viewer;
        const reply = (message: { text: string; blocks?: ReturnType<typeof messageOf>['blocks'] }) => notifyPrivately(host, user, room, message);
        const config = () => this.services.config.current(host.read.getEnvironmentReader().getSettings());
        const show = (target: ShowVisitorRequest['target'], refresh: boolean) =>
            showVisitor(this.services, host, {
                user,
                target,
                replyRoom: room,
                triggerId: context.getTriggerId(),
                mode: refresh ? 'refresh' : 'cached',
                surface: 'open',
                parts: CLOSED_PANEL,
                receivedAt,
            });

        switch (command.kind) {
            case 'show':
            case 'refresh':
                if (!roomVisitor(room)) {
                    // Someone allowed to look visitors up by id most likely forgot the id.
                    return reply(
                        messageOf(
                            t(hasAllowedRole(user, (await config()).allowedRoles) && command.kind === 'show' ? 'msg_invalid_params' : 'msg_not_livechat'),
                        ),
                    );
                }
                return show({ kind: 'room', room }, command.kind === 'refresh');
            case 'byId':
                return show({ kind: 'id', visitorId: command.visitorId }, false);
            case 'link':
            case 'unlink': {
                const request = { user, room, participantId: command.kind === 'link' ? command.participantId : undefined, unlink: command.kind === 'unlink' };
                return reply(messageOf(await linkParticipant(this.services, host, await config(), viewer, request)));
            }
            case 'status':
                return reply(isAdmin(user) ? await runStatus(this.services, host, viewer, command.target) : messageOf(t('msg_status_admins_only')));
            case 'help':
                return reply(helpMessage(t, command.unknown));
        }
    }
}
