import type { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import type { ISlashCommand, SlashCommandContext } from '@rocket.chat/apps-engine/definition/slashcommands';

import { isAdmin } from '../access/visitorAccess';
import type { AppRuntime } from '../AppRuntime';
import { translator } from '../i18n/translator';
import { userLanguage } from '../i18n/userLanguage';
import type { Accessors } from '../handlers/Accessors';
import { notifyPrivately } from '../handlers/notifyPrivately';
import { reportUnexpected } from '../handlers/reportUnexpected';
import { showVisitor } from '../handlers/showVisitor';
import { readAppConfig } from '../settings/readAppConfig';
import { roomVisitor } from '../visitor/roomVisitor';
import { helpText } from './helpText';
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

    constructor(private readonly runtime: AppRuntime) {}

    public async executor(context: SlashCommandContext, read: IRead, modify: IModify, http: IHttp, persis: IPersistence): Promise<void> {
        const receivedAt = Date.now();
        const accessors: Accessors = { read, modify, http, persis };
        const user = context.getSender();
        const room = context.getRoom();
        try {
            await this.run(accessors, context, receivedAt);
        } catch (error) {
            await reportUnexpected(this.runtime, accessors, user, room, error);
        }
    }

    private async run(accessors: Accessors, context: SlashCommandContext, receivedAt: number): Promise<void> {
        const user = context.getSender();
        const room = context.getRoom();
        const command = parseVisitorInfoArgs(context.getArguments());
        const t = translator(await userLanguage(user, accessors.read));
        const reply = (text: string) => notifyPrivately(accessors, user, room, text);

        switch (command.kind) {
            case 'show':
            case 'refresh': {
                if (!roomVisitor(room)) {
                    const config = await readAppConfig(accessors.read.getEnvironmentReader().getSettings());
                    // Someone allowed to look visitors up by id most likely forgot the id.
                    const allowed = (user.roles ?? []).some((role) => config.allowedRoles.includes(role));
                    return reply(t(allowed && command.kind === 'show' ? 'msg_invalid_params' : 'msg_not_livechat'));
                }
                return showVisitor(this.runtime, accessors, {
                    user,
                    target: { kind: 'room', room },
                    triggerId: context.getTriggerId(),
                    bypassCache: command.kind === 'refresh',
                    surface: 'open',
                    receivedAt,
                });
            }
            case 'byId':
                return showVisitor(this.runtime, accessors, {
                    user,
                    target: { kind: 'id', visitorId: command.visitorId, room },
                    triggerId: context.getTriggerId(),
                    bypassCache: false,
                    surface: 'open',
                    receivedAt,
                });
            case 'link':
            case 'unlink': {
                const config = await readAppConfig(accessors.read.getEnvironmentReader().getSettings());
                return reply(
                    await linkParticipant(this.runtime, accessors, config, t, {
                        user,
                        room,
                        participantId: command.kind === 'link' ? command.participantId : undefined,
                        unlink: command.kind === 'unlink',
                    }),
                );
            }
            case 'status':
                return reply(isAdmin(user) ? await runStatus(this.runtime, accessors, t) : t('msg_status_admins_only'));
            case 'help':
                return reply(helpText(t));
        }
    }
}
