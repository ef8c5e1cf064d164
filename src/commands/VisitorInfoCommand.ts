import type { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import type { App } from '@rocket.chat/apps-engine/definition/App';
import type { ISlashCommand, SlashCommandContext } from '@rocket.chat/apps-engine/definition/slashcommands';

import { hasAllowedRole, isAdmin } from '../access/visitorAccess';
import type { Accessors } from '../app/Accessors';
import type { AppServices } from '../app/AppServices';
import { readerFor } from '../i18n/readerFor';
import { notifyPrivately } from '../handlers/notifyPrivately';
import { reportUnexpected } from '../handlers/reportUnexpected';
import { showVisitor } from '../handlers/showVisitor';
import { messageOf } from '../ui/messageBlocks';
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
        const accessors: Accessors = { read, modify, http, persis, logger: this.app.getLogger() };
        try {
            await this.run(accessors, context, receivedAt);
        } catch (error) {
            await reportUnexpected(accessors, context.getSender(), context.getRoom(), error);
        }
    }

    private async run(accessors: Accessors, context: SlashCommandContext, receivedAt: number): Promise<void> {
        const user = context.getSender();
        const room = context.getRoom();
        const command = parseVisitorInfoArgs(context.getArguments());
        const reader = await readerFor(user, accessors.read, this.services.config);
        const { t } = reader;
        const reply = (message: { text: string; blocks?: never[] } | ReturnType<typeof messageOf>) => notifyPrivately(accessors, user, room, message);
        const show = (target: Parameters<typeof showVisitor>[2]['target'], bypassCache: boolean) =>
            showVisitor(this.services, accessors, {
                user,
                target,
                replyRoom: room,
                triggerId: context.getTriggerId(),
                bypassCache,
                surface: 'open',
                details: false,
                receivedAt,
            });

        switch (command.kind) {
            case 'show':
            case 'refresh': {
                if (!roomVisitor(room)) {
                    const config = await this.services.config.current(accessors.read.getEnvironmentReader().getSettings());
                    // Someone allowed to look visitors up by id most likely forgot the id.
                    return reply(
                        messageOf(t(hasAllowedRole(user, config.allowedRoles) && command.kind === 'show' ? 'msg_invalid_params' : 'msg_not_livechat')),
                    );
                }
                return show({ kind: 'room', room }, command.kind === 'refresh');
            }
            case 'byId':
                return show({ kind: 'id', visitorId: command.visitorId }, false);
            case 'link':
            case 'unlink': {
                const config = await this.services.config.current(accessors.read.getEnvironmentReader().getSettings());
                const request = { user, room, participantId: command.kind === 'link' ? command.participantId : undefined, unlink: command.kind === 'unlink' };
                return reply(messageOf(await linkParticipant(this.services, accessors, config, reader, request)));
            }
            case 'status':
                return reply(isAdmin(user) ? await runStatus(this.services, accessors, reader) : messageOf(t('msg_status_admins_only')));
            case 'help':
                return reply(helpMessage(t, command.unknown));
        }
    }
}
