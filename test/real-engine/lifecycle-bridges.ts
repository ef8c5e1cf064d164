/**
 * Bridges the engine calls while it installs, enables and drives an app: activation notices, setting change
 * notices, slash command registration, the scheduler, and the keys it signs apps with.
 */
import { generateKeyPairSync } from 'node:crypto';

import type { AppStatus } from 'apps-engine-1-42/definition/AppStatus';
import type { IOnetimeSchedule, IProcessor, IRecurringSchedule } from 'apps-engine-1-42/definition/scheduler';
import type { ISetting } from 'apps-engine-1-42/definition/settings';
import type { ISlashCommand } from 'apps-engine-1-42/definition/slashcommands';
import { AppActivationBridge, AppDetailChangesBridge, CommandBridge, SchedulerBridge } from 'apps-engine-1-42/server/bridges';
import type { IInternalFederationBridge } from 'apps-engine-1-42/server/bridges';
import type { ProxiedApp } from 'apps-engine-1-42/server/ProxiedApp';

import { notImplemented } from './not-implemented';

/** Rocket.Chat broadcasts these to its clients; here they are recorded. */
export class RecordingActivationBridge extends AppActivationBridge {
    public readonly statusChanges: Array<{ appId: string; status: AppStatus }> = [];
    public readonly added: string[] = [];
    public actionsChangedCount = 0;

    protected async appAdded(app: ProxiedApp): Promise<void> {
        this.added.push(app.getID());
    }

    protected async appStatusChanged(app: ProxiedApp, status: AppStatus): Promise<void> {
        this.statusChanges.push({ appId: app.getID(), status });
    }

    protected async actionsChanged(): Promise<void> {
        this.actionsChangedCount++;
    }

    protected appUpdated(_app: ProxiedApp): Promise<void> {
        return notImplemented('AppActivationBridge.appUpdated');
    }

    protected appRemoved(_app: ProxiedApp): Promise<void> {
        return notImplemented('AppActivationBridge.appRemoved');
    }
}

export class RecordingDetailChangesBridge extends AppDetailChangesBridge {
    public readonly settingChanges: Array<{ appId: string; settingId: string }> = [];

    protected onAppSettingsChange(appId: string, setting: ISetting): void {
        // Ids only: some of these values are secrets.
        this.settingChanges.push({ appId, settingId: setting.id });
    }
}

/** The host's slash command registry, with no built-in commands. */
export class InMemoryCommandBridge extends CommandBridge {
    public readonly commands = new Map<string, { appId: string; command: ISlashCommand }>();

    protected async doesCommandExist(command: string, _appId: string): Promise<boolean> {
        return this.commands.has(command);
    }

    protected async registerCommand(command: ISlashCommand, appId: string): Promise<void> {
        this.commands.set(command.command, { appId, command });
    }

    protected async unregisterCommand(command: string, _appId: string): Promise<void> {
        this.commands.delete(command);
    }

    protected enableCommand(command: string, _appId: string): Promise<void> {
        return notImplemented(`CommandBridge.enableCommand(${command})`);
    }

    protected disableCommand(command: string, _appId: string): Promise<void> {
        return notImplemented(`CommandBridge.disableCommand(${command})`);
    }

    protected modifyCommand(command: ISlashCommand, _appId: string): Promise<void> {
        return notImplemented(`CommandBridge.modifyCommand(${command.command})`);
    }
}

export type ScheduledJob =
    | { kind: 'once'; appId: string; id: string; when: Date; data?: object }
    | { kind: 'recurring'; appId: string; id: string; interval: string | number; skipImmediate?: boolean; data?: object; fromStartup: boolean };

/**
 * Records processors and jobs instead of running them (Rocket.Chat runs them through Agenda). The processors
 * recorded are the engine's wrappers around the app's: they take the job context only.
 */
export class RecordingSchedulerBridge extends SchedulerBridge {
    public readonly processors = new Map<string, IProcessor>();
    public readonly jobs: ScheduledJob[] = [];
    public readonly cancelled: string[] = [];

    protected async registerProcessors(processors: IProcessor[], appId: string): Promise<string[]> {
        for (const processor of processors) {
            this.processors.set(processor.id, processor);
            const startup = processor.startupSetting;
            if (startup?.type === 'recurring') {
                const { interval, skipImmediate, data } = startup;
                this.jobs.push({ kind: 'recurring', appId, id: processor.id, interval, skipImmediate, data, fromStartup: true });
            } else if (startup?.type === 'onetime') {
                this.jobs.push({ kind: 'once', appId, id: processor.id, when: new Date(startup.when), data: startup.data });
            }
        }
        return processors.map((processor) => processor.id);
    }

    protected async scheduleOnce(job: IOnetimeSchedule, appId: string): Promise<string> {
        this.jobs.push({ kind: 'once', appId, id: job.id, when: new Date(job.when), data: job.data });
        return job.id;
    }

    protected async scheduleRecurring(job: IRecurringSchedule, appId: string): Promise<string> {
        this.jobs.push({ kind: 'recurring', appId, id: job.id, interval: job.interval, skipImmediate: job.skipImmediate, data: job.data, fromStartup: false });
        return job.id;
    }

    protected async cancelJob(jobId: string, _appId: string): Promise<void> {
        this.cancelled.push(jobId);
        removeWhere(this.jobs, (job) => job.id === jobId);
    }

    /** The engine calls this one directly, without awaiting it, when it purges an app. */
    protected async cancelAllJobs(appId: string): Promise<void> {
        this.cancelled.push(`*${appId}`);
        removeWhere(this.jobs, (job) => job.appId === appId);
    }
}

function removeWhere<T>(list: T[], matches: (item: T) => boolean): void {
    for (let index = list.length - 1; index >= 0; index--) {
        if (matches(list[index])) {
            list.splice(index, 1);
        }
    }
}

/** The engine signs every installed app with these keys and checks the signature on each enable. */
export class GeneratedKeysFederationBridge implements IInternalFederationBridge {
    private readonly keys = generateKeyPairSync('rsa', {
        modulusLength: 2048,
        publicKeyEncoding: { type: 'spki', format: 'pem' },
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });

    public async getPrivateKey(): Promise<string> {
        return this.keys.privateKey;
    }

    public async getPublicKey(): Promise<string> {
        return this.keys.publicKey;
    }
}
