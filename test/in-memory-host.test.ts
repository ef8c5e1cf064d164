import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { RocketChatAssociationModel, RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';
import { UIKitSurfaceType } from '@rocket.chat/apps-engine/definition/uikit';
import type { IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import type { IUser } from '@rocket.chat/apps-engine/definition/users';
import type { IPermission } from '@rocket.chat/apps-engine/definition/permissions/IPermission';
import {
  createInMemoryHost,
  manualClock,
  PersistenceStore,
  type HostOptions,
  type InMemoryHost,
  type ManualClock,
} from './support/in-memory-host';
import { loadPackagedApp, type PackagedApp } from './support/load-packaged-app';
import { permissionsWithout, temporaryDirectory, tinyAppInfo, writeAppZip } from './support/fixtures/tiny-app';

let tiny: PackagedApp;
const zips = temporaryDirectory();

beforeAll(async () => {
  tiny = await loadPackagedApp(writeAppZip(zips.dir));
});

afterAll(() => zips.cleanup());

interface Scene {
  host: InMemoryHost;
  clock: ManualClock;
  agent: IUser;
  room: IRoom;
  channel: IRoom;
}

/** A host with the tiny app (unless `install: false`), an agent serving a livechat room, and a plain channel. */
async function scene(options: Partial<HostOptions> & { permissions?: IPermission[]; install?: boolean } = {}): Promise<Scene> {
  const { permissions, install = true, ...hostOptions } = options;
  const clock = manualClock();
  const host = createInMemoryHost({ appInfo: tinyAppInfo(permissions), now: clock.now, ...hostOptions });
  const agent = host.addUser(host.makeUser({ id: 'agent-1', username: 'alice', roles: ['user', 'livechat-agent'] }));
  const visitor = host.addVisitor(host.makeVisitor({ id: 'visitor-1', token: 'token-1', name: 'Vera' }));
  const room = host.addRoom(host.makeLivechatRoom({ id: 'room-1', visitor, servedBy: agent }));
  const channel = host.addRoom(host.makeRoom({ id: 'general', slugifiedName: 'general', usernames: ['alice'] }));
  if (install) {
    await host.installApp(tiny.AppClass);
  }
  return { host, clock, agent, room, channel };
}

const MISC = (id: string) => new RocketChatAssociationRecord(RocketChatAssociationModel.MISC, id);

describe('installing the app', () => {
  it('constructs, initializes and enables it like the host, storing settings with their packageValue', async () => {
    const { host } = await scene();

    expect(host.isEnabled()).toBe(true);
    expect(host.appSettings().map(({ id, value }) => [id, value])).toEqual([
      ['greeting', 'Hello'],
      ['signature', ''],
    ]);
    expect(host.slashCommands()).toEqual([
      { command: 'hello', enabled: true, i18nDescription: 'hello_description', i18nParamsExample: 'hello_params' },
    ]);
    expect(host.actionButtons().map(({ actionId }) => actionId)).toEqual(['tiny-panel']);
    expect(host.logs[0]).toMatchObject({ level: 'debug', method: 'constructor' });
    expect(host.logs[0].text).toContain('Constructed the App Tiny App');
  });

  it('schedules processors with a startup setting like the host', async () => {
    const { host } = await scene();

    expect(host.scheduledJobs()).toEqual([
      expect.objectContaining({ id: 'tick', kind: 'recurring', interval: '5 minutes', skipImmediate: true, data: { source: 'startup' }, cancelled: false }),
    ]);
  });

  it('drops commands and buttons on disable and brings them back on enable (initialize runs again)', async () => {
    const { host, agent, room } = await scene();

    await host.disableApp();

    expect(host.isEnabled()).toBe(false);
    expect(host.slashCommands()).toEqual([]);
    await expect(host.runSlashCommand({ command: '/hello', sender: agent, room })).rejects.toThrow('not enabled');
    expect(host.scheduledJobs()).toHaveLength(1);

    await expect(host.enableApp()).resolves.toBe(true);
    await host.runSlashCommand({ command: '/hello', sender: agent, room });
    expect(host.notifications).toHaveLength(1);
  });
});

describe('settings', () => {
  it('setSetting stores the value, then awaits onSettingUpdated', async () => {
    const { host, agent, room } = await scene();

    await host.setSetting('greeting', 'Olá');

    expect(await host.read.getEnvironmentReader().getSettings().getValueById('greeting')).toBe('Olá');
    expect(host.logs.filter(({ method }) => method === 'onSettingUpdated').map(({ text }) => text)).toEqual([
      'setting greeting started',
      'setting greeting = Olá',
    ]);
    await host.runSlashCommand({ command: 'hello', sender: agent, room });
    expect(host.notifications[0].text).toBe('Olá, alice!');
  });

  it('setSettings fires one update per changed id without waiting in between, like the admin page burst', async () => {
    const { host } = await scene();

    const changed = await host.setSettings({ greeting: 'Hi', signature: '-- Tiny', unchanged: undefined });

    expect(changed).toEqual(['greeting', 'signature']);
    expect(host.logs.filter(({ method }) => method === 'onSettingUpdated').map(({ text }) => text)).toEqual([
      'setting greeting started',
      'setting signature started',
      'setting greeting = Hi',
      'setting signature = -- Tiny',
    ]);
  });

  it('reads server settings behind server-setting.read', async () => {
    const { host } = await scene({ serverSettings: { Language: 'pt-BR' } });

    expect(await host.read.getEnvironmentReader().getServerSettings().getValueById('Language')).toBe('pt-BR');
    await expect(host.read.getEnvironmentReader().getServerSettings().getValueById('Nope')).rejects.toThrow('No Server Setting found');
  });
});

describe('records', () => {
  it('records notifyUser with its recipient, and notifyRoom as sent to every member of the room', async () => {
    const { host, agent, room, channel } = await scene();
    const bob = host.addUser(host.makeUser({ username: 'bob' }));
    host.addRoom({ ...channel, usernames: ['alice', 'bob'] });

    await host.runSlashCommand({ command: 'hello', args: 'Vera', sender: agent, room });
    const notifier = host.modify.getNotifier();
    await notifier.notifyRoom(channel, notifier.getMessageBuilder().setRoom(channel).setText('to all').getMessage());

    expect(host.notifications).toEqual([
      expect.objectContaining({ kind: 'user', user: expect.objectContaining({ id: agent.id }), text: 'Hello, Vera!' }),
      expect.objectContaining({ kind: 'room', room: expect.objectContaining({ id: 'general' }), text: 'to all' }),
    ]);
    expect(host.notifications[0].room.id).toBe(room.id);
    expect(host.notifications[1].recipients.map(({ username }) => username)).toEqual(['alice', bob.username]);
  });

  it('records created messages, sent by the app user unless the app sets a sender', async () => {
    const { host, room } = await scene();
    const creator = host.modify.getCreator();
    const visitor = await host.read.getLivechatReader().getLivechatVisitorById('visitor-1');

    const id = await creator.finish(creator.startMessage().setRoom(room).setText('note for the agent'));
    await creator.finish(creator.startLivechatMessage().setRoom(room).setVisitor(visitor!).setText('from the visitor'));

    expect(host.roomMessages).toEqual([
      expect.objectContaining({ id, kind: 'message', text: 'note for the agent', sender: expect.objectContaining({ username: 'tiny-app.bot' }) }),
      expect.objectContaining({ kind: 'livechat', text: 'from the visitor', visitor: expect.objectContaining({ token: 'token-1' }) }),
    ]);
  });

  it('records surfaces: opened by the button, updated by a block action with its own fresh triggerId', async () => {
    const { host, agent, room } = await scene();

    await host.clickActionButton({ actionId: 'tiny-panel', user: agent, room });
    await host.clickBlockAction({ actionId: 'refresh', user: agent, room, container: { type: 'view', id: 'tiny-panel-view' } });

    expect(host.surfaces).toEqual([
      expect.objectContaining({ action: 'open', viewId: 'tiny-panel-view', surfaceType: UIKitSurfaceType.CONTEXTUAL_BAR, dropped: false, openedAfterMs: 0 }),
      expect.objectContaining({ action: 'update', viewId: 'tiny-panel-view', dropped: false }),
    ]);
    expect(host.surfaces[0].view).toMatchObject({ title: { text: 'Tiny panel' } });
    expect(host.surfaces[0].surface).toMatchObject({ appId: tinyAppInfo().id, id: 'tiny-panel-view' });
    expect(JSON.stringify(host.renderedView('tiny-panel-view'))).toContain('Refreshed');
    expect(host.surfaces[0].triggerId).not.toBe(host.surfaces[1].triggerId);
  });

  it('drops a surface opened more than 5 s after its trigger, or with a used or unknown triggerId', async () => {
    const { host, clock, agent, room } = await scene();
    const late = host.issueTriggerId(agent);
    clock.advance(5001);

    await host.clickActionButton({ actionId: 'tiny-panel', user: agent, room, triggerId: late });
    const { triggerId: used } = await host.runSlashCommand({ command: 'hello', sender: agent, room });
    await host.clickActionButton({ actionId: 'tiny-panel', user: agent, room });
    await host.clickActionButton({ actionId: 'tiny-panel', user: agent, room, triggerId: host.surfaces[1].triggerId });
    await host.clickActionButton({ actionId: 'tiny-panel', user: agent, room, triggerId: 'made-up' });

    expect(used).toHaveLength(17);
    expect(host.surfaces.map(({ dropped, dropReason, openedAfterMs }) => ({ dropped, dropReason, openedAfterMs }))).toEqual([
      { dropped: true, dropReason: 'expired', openedAfterMs: 5001 },
      { dropped: false, openedAfterMs: 0 },
      { dropped: true, dropReason: 'already-used', openedAfterMs: 0 },
      { dropped: true, dropReason: 'unknown-trigger' },
    ]);
  });

  it('refuses a click the web client cannot make: button filtered out by room type, action in a view never rendered', async () => {
    const { host, agent, channel, room } = await scene();

    await expect(host.clickActionButton({ actionId: 'tiny-panel', user: agent, room: channel })).rejects.toThrow(
      'does not show the "tiny-panel" button',
    );
    await expect(
      host.clickBlockAction({ actionId: 'refresh', user: agent, room, container: { type: 'view', id: 'tiny-panel-view' } }),
    ).rejects.toThrow('is not rendered');
    await host.clickActionButton({ actionId: 'tiny-panel', user: agent, room: channel, bypassClientFilters: true });
    expect(host.surfaces).toHaveLength(1);
  });

  it('forgets a view the user closes: a later click in it is refused', async () => {
    const { host, agent, room } = await scene();
    await host.clickActionButton({ actionId: 'tiny-panel', user: agent, room });

    await expect(host.closeView({ viewId: 'tiny-panel-view', user: agent })).resolves.toBeUndefined();

    expect(host.renderedView('tiny-panel-view')).toBeUndefined();
    await expect(
      host.clickBlockAction({ actionId: 'refresh', user: agent, room, container: { type: 'view', id: 'tiny-panel-view' } }),
    ).rejects.toThrow('is not rendered');
  });

  it('records logs with level, method and text, and clears every record on demand', async () => {
    const { host } = await scene();
    host.app.getLogger().warn('careful', { code: 42 }, new Error('boom'));

    expect(host.logs.at(-1)).toMatchObject({ level: 'warn', text: 'careful {"code":42} Error: boom' });

    host.clearRecords();
    expect([host.logs, host.notifications, host.surfaces, host.roomMessages, host.httpRequests, host.permissionViolations]).toEqual([
      [], [], [], [], [], [],
    ]);
  });

  it('hands out copies: the app cannot change host state through an object it got', async () => {
    const { host } = await scene();
    const room = (await host.read.getRoomReader().getById('room-1'))!;
    room.displayName = 'changed';

    expect((await host.read.getRoomReader().getById('room-1'))!.displayName).toBe('Vera');
  });
});

describe('permissions', () => {
  it('an app.json without message.write makes notifyUser fail like the host, and records it', async () => {
    const { host, agent, room } = await scene({ permissions: permissionsWithout('message.write') });

    const run = host.runSlashCommand({ command: 'hello', sender: agent, room });

    await expect(run).rejects.toThrow(/lacks the following permissions:\n\["message\.write"\]/);
    expect(host.permissionViolations).toEqual([expect.objectContaining({ permission: 'message.write', method: 'INotifier.notifyUser' })]);
    expect(host.notifications).toEqual([]);
  });

  it('like-host mode resolves undefined instead of throwing (what the real bridges do), still recording', async () => {
    const { host, agent, room } = await scene({ permissions: permissionsWithout('message.write'), permissionFailure: 'like-host' });

    await host.runSlashCommand({ command: 'hello', sender: agent, room });

    expect(host.notifications).toEqual([]);
    expect(host.permissionViolations).toHaveLength(1);
  });

  const checks: Array<[string, (host: InMemoryHost, scene: Scene) => Promise<unknown>]> = [
    ['room.read', (host) => host.read.getRoomReader().getById('room-1')],
    ['room.read', (host) => host.read.getRoomReader().getMembers('room-1')],
    ['user.read', (host) => host.read.getUserReader().getByUsername('alice')],
    ['livechat-visitor.read', (host) => host.read.getLivechatReader().getLivechatVisitorByToken('token-1')],
    ['livechat-visitor.write', (host) => host.modify.getUpdater().getLivechatUpdater().updateVisitorExternalId('visitor-1', { entityId: 'x' })],
    ['livechat-department.read', (host) => host.read.getLivechatReader().getLivechatDepartmentByIdOrName('sales')],
    ['livechat-room.read', (host) => host.read.getLivechatReader().getLivechatRooms(host.makeVisitor({ token: 'token-1' }))],
    ['server-setting.read', (host) => host.read.getEnvironmentReader().getServerSettings().getValueById('Language')],
    ['persistence', (host) => host.persis.create({ a: 1 })],
    ['persistence', (host) => host.read.getPersistenceReader().readByAssociation(MISC('x'))],
    ['scheduler', (host) => host.modify.getScheduler().scheduleOnce({ id: 'tick', when: new Date() })],
    ['ui.interact', (host, { agent }) =>
      host.modify.getUiController().openSurfaceView({ type: UIKitSurfaceType.MODAL, title: { type: 'plain_text', text: 't' }, blocks: [] }, { triggerId: 't' }, agent)],
    ['message.write', (host, { room, agent }) =>
      host.modify.getCreator().finish(host.modify.getCreator().startMessage().setRoom(room).setSender(agent).setText('x'))],
    ['livechat-message.write', (host, { room }) =>
      host.modify.getCreator().finish(host.modify.getCreator().startLivechatMessage().setRoom(room).setToken('token-1').setText('x'))],
    ['networking', (host) => host.http.get('https://api.liveperson.net/')],
  ];

  it.each(checks)('%s is required, as the real engine checks it', async (permission, call) => {
    const current = await scene({ install: false, permissions: permissionsWithout(permission) });

    await expect(call(current.host, current)).rejects.toThrow(`lacks the following permissions:\n["${permission}"]`);
    expect(current.host.permissionViolations).toEqual([expect.objectContaining({ permission })]);
  });

  it.each([
    ['slashcommand', 'ISlashCommandsExtend.provideSlashCommand'],
    ['ui.registerButtons', 'IUIExtend.registerButton'],
    ['scheduler', 'ISchedulerExtend.registerProcessors'],
  ])('%s is required at initialize', async (permission, method) => {
    const current = await scene({ install: false, permissions: permissionsWithout(permission) });

    await expect(current.host.installApp(tiny.AppClass)).rejects.toThrow(permission);
    expect(current.host.permissionViolations).toEqual([expect.objectContaining({ permission, method })]);
  });

  it('reading the app settings needs no permission at all', async () => {
    const { host } = await scene({ permissions: [], permissionFailure: 'like-host' });

    expect(await host.read.getEnvironmentReader().getSettings().getValueById('greeting')).toBe('Hello');
    expect(host.slashCommands()).toEqual([]);
    expect(host.permissionViolations.map(({ permission }) => permission)).toEqual(['slashcommand', 'ui.registerButtons', 'scheduler']);
  });

  it('only lets HTTP reach the declared networking domains (a documented extra strictness)', async () => {
    const { host } = await scene({ install: false });

    await expect(host.http.get('https://evil.example.com/steal')).rejects.toThrow('lacks the following permissions');
    expect(host.permissionViolations).toEqual([
      expect.objectContaining({ permission: 'networking', reason: expect.stringContaining('"evil.example.com" matches none') }),
    ]);
  });
});

describe('HTTP', () => {
  let server: http.Server;
  let base: string;
  const seen: Array<{ method?: string; url?: string; headers: http.IncomingHttpHeaders; body: string }> = [];

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        seen.push({ method: request.method, url: request.url, headers: request.headers, body });
        if (request.url?.startsWith('/slow')) {
          setTimeout(() => response.end('late'), 1000).unref();
          return;
        }
        if (request.url?.startsWith('/text')) {
          response.setHeader('Content-Type', 'text/plain');
          response.end('{"not":"parsed"}');
          return;
        }
        response.setHeader('Content-Type', 'application/json; charset=utf-8');
        response.setHeader('Set-Cookie', ['a=1; Path=/', 'b=2; Path=/']);
        response.end(JSON.stringify({ ok: true, path: request.url }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => (seen.length = 0));

  const hostWithRoutes = async () =>
    (await scene({ install: false, routes: { 'api.liveperson.net': base, '*.liveperson.net': base } })).host;

  it('routes a real https URL to the loopback server with the original Host header, query params and headers', async () => {
    const host = await hostWithRoutes();

    const response = await host.http.get('https://api.liveperson.net/api/account/123/visitor?v=1', {
      params: { b: '2', skipped: '' },
      headers: { Authorization: 'Bearer token' },
      timeout: 2000,
    });

    expect(seen[0]).toMatchObject({ method: 'GET', url: '/api/account/123/visitor?v=1&b=2' });
    expect(seen[0].headers).toMatchObject({ host: 'api.liveperson.net', authorization: 'Bearer token' });
    expect(response).toMatchObject({
      url: 'https://api.liveperson.net/api/account/123/visitor?v=1',
      method: 'get',
      statusCode: 200,
      data: { ok: true, path: '/api/account/123/visitor?v=1&b=2' },
    });
    expect(response.headers).toMatchObject({ 'content-type': 'application/json; charset=utf-8', 'set-cookie': 'a=1; Path=/, b=2; Path=/' });
    expect(host.httpRequests).toEqual([
      expect.objectContaining({
        method: 'GET',
        url: 'https://api.liveperson.net/api/account/123/visitor?v=1&b=2',
        routedTo: `${base}/api/account/123/visitor?v=1&b=2`,
        status: 200,
        durationMs: expect.any(Number),
      }),
    ]);
  });

  it('sends data as JSON and params without a body as a form, like the real bridge', async () => {
    const host = await hostWithRoutes();

    await host.http.post('https://va.agentvep.liveperson.net/token', { data: { grant: 'x' } });
    await host.http.post('https://va.agentvep.liveperson.net/form', { params: { user: 'a b' } });

    expect(seen[0].headers['content-type']).toBe('application/json');
    expect(seen[0].body).toBe('{"grant":"x"}');
    expect(seen[1].headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(seen[1].body).toBe('user=a+b');
    expect(seen[1].headers.host).toBe('va.agentvep.liveperson.net');
  });

  it('leaves data null when the body is not JSON', async () => {
    const host = await hostWithRoutes();

    const response = await host.http.get('https://api.liveperson.net/text');

    expect(response.content).toBe('{"not":"parsed"}');
    expect(response.data).toBeNull();
  });

  it('aborts at the timeout with an ETIMEDOUT error, and records it', async () => {
    const host = await hostWithRoutes();
    const started = Date.now();

    await expect(host.http.get('https://api.liveperson.net/slow', { timeout: 100 })).rejects.toThrow(/ETIMEDOUT/);

    expect(Date.now() - started).toBeLessThan(900);
    expect(host.httpRequests[0]).toMatchObject({ url: 'https://api.liveperson.net/slow', error: expect.stringContaining('timeout') });
  });

  it('rejects with the cause named when nothing listens', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { host } = await scene({ install: false, routes: { 'api.liveperson.net': `http://127.0.0.1:${port}` } });

    await expect(host.http.get('https://api.liveperson.net/x', { timeout: 1000 })).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe('persistence', () => {
  it('is shared by two hosts on one store, never by reference', async () => {
    const store = new PersistenceStore();
    const first = (await scene({ install: false, persistence: store })).host;
    const second = (await scene({ install: false, persistence: store })).host;

    await first.persis.createWithAssociation({ visitor: 'visitor-1', tries: 1 }, MISC('cache'));
    const [seenBySecond] = (await second.read.getPersistenceReader().readByAssociation(MISC('cache'))) as Array<{ tries: number }>;
    seenBySecond.tries = 99;

    expect(seenBySecond).toEqual({ visitor: 'visitor-1', tries: 99 });
    expect(await first.read.getPersistenceReader().readByAssociation(MISC('cache'))).toEqual([{ visitor: 'visitor-1', tries: 1 }]);
  });

  it('matches associations like the real server: reads need all of them, updates the exact list', async () => {
    const { host } = await scene({ install: false });
    const room = new RocketChatAssociationRecord(RocketChatAssociationModel.ROOM, 'room-1');
    const id = await host.persis.createWithAssociations({ v: 1 }, [room, MISC('panel')]);

    expect(await host.read.getPersistenceReader().readByAssociation(MISC('panel'))).toEqual([{ v: 1 }]);
    expect(await host.persis.updateByAssociations([room, MISC('panel')], { v: 2 })).toBe('');
    expect(await host.persis.updateByAssociation(MISC('panel'), { v: 3 })).toBe('');
    expect(await host.read.getPersistenceReader().read(id)).toEqual({ v: 2 });
    await expect(host.persis.update(id, { v: 4 })).rejects.toThrow('Not implemented.');

    const inserted = await host.persis.updateByAssociation(MISC('panel'), { v: 5 }, true);
    expect(inserted).toMatch(/^[0-9a-f]{24}$/);
    expect(await host.persis.removeByAssociation(MISC('panel'))).toEqual([{ v: 2 }, { v: 5 }]);
    expect(host.persistence.all()).toEqual([]);
  });
});

describe('scheduler', () => {
  it('runs a processor on demand with full accessors and the job context', async () => {
    const { host } = await scene();

    await host.runJob('tick', { n: 1 });

    const [ticks] = (await host.read.getPersistenceReader().readByAssociation(MISC('ticks'))) as Array<{ last: Record<string, unknown> }>;
    expect(ticks.last).toEqual({ n: 1, jobId: expect.stringMatching(/^manual-/) });
  });

  it('runs one-time jobs once their time has come, never cancelled ones, and nothing while disabled', async () => {
    const { host, clock } = await scene();
    const scheduler = host.modify.getScheduler();
    const kept = await scheduler.scheduleOnce({ id: 'tick', when: 'in 10 minutes', data: { n: 2 } });
    const cancelled = await scheduler.scheduleOnce({ id: 'tick', when: 'in 5 minutes', data: { n: 3 } });
    await scheduler.cancelJob(cancelled as string);

    expect(await host.runDueJobs()).toEqual([]);
    clock.advance(10 * 60 * 1000);
    await host.disableApp();
    expect(await host.runDueJobs()).toEqual([]);
    await host.enableApp();
    const ran = await host.runDueJobs();

    expect(ran.map(({ jobId }) => jobId)).toEqual([kept]);
    const [ticks] = (await host.read.getPersistenceReader().readByAssociation(MISC('ticks'))) as Array<{ last: object }>;
    expect(ticks.last).toEqual({ n: 2, jobId: kept });
    expect(host.scheduledJobs().find(({ jobId }) => jobId === cancelled)).toMatchObject({ cancelled: true, runs: 0 });
  });
});

describe('real-time scheduler (playground mode)', () => {
  it('runs one-time jobs at their time and recurring ones at their interval with timers', async () => {
    const host = createInMemoryHost({ appInfo: tinyAppInfo(), realTimeScheduler: true });
    await host.installApp(tiny.AppClass);
    const scheduler = host.modify.getScheduler();

    await scheduler.scheduleOnce({ id: 'tick', when: new Date(Date.now() + 20), data: { kind: 'once' } });
    await scheduler.scheduleRecurring({ id: 'tick', interval: 25, data: { kind: 'every' } });
    await new Promise((resolve) => setTimeout(resolve, 120));
    host.shutdown();

    const jobs = host.scheduledJobs();
    expect(jobs.find(({ kind, id }) => kind === 'onetime' && id === 'tick')).toMatchObject({ done: true, runs: 1 });
    // scheduleRecurring for a processor updates the one recurring job Agenda keeps for it (the startup one).
    expect(jobs.filter(({ kind }) => kind === 'recurring')).toEqual([
      expect.objectContaining({ interval: 25, data: { kind: 'every' }, runs: expect.any(Number) }),
    ]);
    expect(jobs.find(({ kind }) => kind === 'recurring')!.runs).toBeGreaterThanOrEqual(3);
  });
});

describe('livechat', () => {
  it('upserts the app’s own externalIds entry and keeps other apps’ entries (Rocket.Chat 8.4+)', async () => {
    const { host } = await scene({ install: false });
    host.addVisitor(host.makeVisitor({ id: 'visitor-2', externalIds: [{ appId: 'other-app', entityId: 'theirs' }] }));
    const updater = host.modify.getUpdater().getLivechatUpdater();

    await updater.updateVisitorExternalId('visitor-2', { entityId: 'lp:1', metadata: { v: 1 } });
    const updated = await updater.updateVisitorExternalId('visitor-2', { entityId: 'lp:2' });

    expect(updated?.externalIds).toEqual([
      { appId: 'other-app', entityId: 'theirs' },
      { appId: tinyAppInfo().id, entityId: 'lp:2' },
    ]);
    expect(await updater.updateVisitorExternalId('nobody', { entityId: 'x' })).toBeUndefined();
  });

  it('models a host before 8.4: no externalIds on visitors and no updateVisitorExternalId at all', async () => {
    const { host } = await scene({ install: false, features: { externalIds: false } });
    host.addVisitor(host.makeVisitor({ id: 'visitor-2', externalIds: [{ appId: 'other-app', entityId: 'theirs' }] }));

    expect('updateVisitorExternalId' in host.modify.getUpdater().getLivechatUpdater()).toBe(false);
    expect(await host.read.getLivechatReader().getLivechatVisitorById('visitor-2')).not.toHaveProperty('externalIds');
    expect(host.storedVisitor('visitor-2')?.externalIds).toHaveLength(1);
  });

  it('finds the visitor’s open rooms, departments by id or name, and room members', async () => {
    const { host, agent } = await scene({ install: false });
    host.addDepartment(host.makeDepartment({ id: 'dep-1', name: 'sales' }));
    const livechat = host.read.getLivechatReader();

    const visitor = (await livechat.getLivechatVisitorByToken('token-1'))!;

    expect((await livechat.getLivechatRooms(visitor)).map(({ id }) => id)).toEqual(['room-1']);
    expect((await livechat.getLivechatDepartmentByIdOrName('sales'))?.id).toBe('dep-1');
    expect((await host.read.getRoomReader().getMembers('room-1')).map(({ id }) => id)).toEqual([agent.id]);
  });
});
