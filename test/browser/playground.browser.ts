/**
 * `npm run test:browser`: the playground (`npm start`: the packaged app in the real Apps-Engine 1.62 and its Deno
 * subprocess) in headless Chromium from Debian's package, driven by playwright-core (which downloads nothing).
 * The panel is drawn by Rocket.Chat's own UIKit renderer (@rocket.chat/fuselage-ui-kit, with callouts drawn as
 * Rocket.Chat 7/8 draw them), so this checks what an agent sees, not the blocks' JSON: above all that the panel's
 * header (the name in the bar's title, the trust state callout with the customer type and status, Refresh) is on
 * screen at 1280×720 without scrolling, for every sample visitor in every language, a long history included.
 * Screenshots go to docs/ for the README; the playground runs with a fixed clock so that they are the same, byte
 * for byte, from one run to the next.
 *
 * Not a jest test (jest's testMatch is *.test.ts): node's own runner, through tsx.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

import type { Snapshot } from '../../playground/shared';

const ROOT = path.resolve(__dirname, '../..');
const DOCS = path.join(ROOT, 'docs');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** The flags Chromium needs here: root without a sandbox, no GPU, and no calls home (the network is closed). */
const CHROMIUM_ARGS = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    '--font-render-hinting=none',
    '--hide-scrollbars',
];
/** A laptop screen: the header must fit in it. */
const VIEWPORT = { width: 1280, height: 720 };
/** Tall enough for a whole panel in one screenshot (same width: the fields' grid depends on it). */
const TALL_VIEWPORT = { width: 1280, height: 2400 };
/** How long the app may take to notice a new server language (it re-reads the server's settings every 10 s). */
const LANGUAGE_PICKUP_MS = 15_000;
/** A Refresh this soon after LivePerson's last answer for a visitor reuses it (the app's Directory). */
const REFRESH_FLOOR_MS = 10_000;
/** Every time the page prints is this one (playground/fixedClock.ts, PLAYGROUND_FIXED_CLOCK). */
const FIXED_CLOCK = '2026-06-05T12:00:00Z';

/** The sidebar's rooms (playground/personas.ts). */
const ROOMS = {
    externalIds: 'roomExternalIds01',
    field: 'roomField00000001',
    signed: 'roomSigned0000001',
    copied: 'roomCopied0000001',
    none: 'roomNone000000001',
    unauthenticated: 'roomUnauth0000001',
    messaging: 'roomMessaging0001',
    longHistory: 'roomHistory000001',
    firstChat: 'roomFirstChat0001',
    unhappy: 'roomUnhappy000001',
    cart: 'roomCart000000001',
    portuguese: 'roomPortugues0001',
    general: 'channelGeneral01',
} as const;
/** Alice's conversations: every way a visitor can be linked to LivePerson (or not), and Messaging histories. */
const ALICE_ROOMS = Object.values(ROOMS).filter((roomId) => roomId !== ROOMS.portuguese && roomId !== ROOMS.general);
const USERS = { alice: 'agent0000000001', paulo: 'agent0000000003' };

/** The app's words, from the same files the zip carries. */
const I18N: Record<string, Record<string, string>> = Object.fromEntries(
    fs
        .readdirSync(path.join(ROOT, 'i18n'))
        .filter((file) => file.endsWith('.json'))
        .map((file) => [file.replace(/\.json$/, ''), JSON.parse(fs.readFileSync(path.join(ROOT, 'i18n', file), 'utf8')) as Record<string, string>]),
);

type TextObject = { type: string; text: string };
type BlockLike = { type: string; blockId?: string; variant?: string; text?: TextObject; title?: TextObject; fields?: TextObject[] };

interface RunningServer {
    url: string;
    process: ChildProcess;
    output: () => string;
}

/** Starts `playground/server.ts` as `npm start` does (after packaging), on a free port; resolves with its URL. */
function startServer(): Promise<RunningServer> {
    const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
    const child = spawn(tsx, [path.join(ROOT, 'playground', 'server.ts')], {
        cwd: ROOT,
        env: { ...process.env, PORT: '0', PLAYGROUND_FIXED_CLOCK: FIXED_CLOCK },
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => fail(new Error('the playground did not print its URL within 60 s')), 60_000);
        const fail = (error: Error) => {
            clearTimeout(timer);
            child.kill('SIGKILL');
            reject(new Error(`${error.message}\n--- playground output ---\n${output}`));
        };
        const onData = (chunk: Buffer) => {
            output += chunk.toString('utf8');
            const match = /LivePerson Visitor Info playground: (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
            if (match) {
                clearTimeout(timer);
                child.off('exit', onEarlyExit);
                resolve({ url: match[1], process: child, output: () => output });
            }
        };
        const onEarlyExit = (code: number | null) => fail(new Error(`the playground exited (code ${code}) before it was ready`));
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.once('error', fail);
        child.once('exit', onEarlyExit);
    });
}

/** Ctrl-C, as a person would: the server must close everything and exit 0. */
async function stopServer(server: RunningServer): Promise<number | null> {
    if (server.process.exitCode !== null) return server.process.exitCode;
    const exited = new Promise<number | null>((resolve) => server.process.once('exit', (code) => resolve(code)));
    server.process.kill('SIGINT');
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000).unref());
    const result = await Promise.race([exited, timeout]);
    if (result === 'timeout') {
        server.process.kill('SIGKILL');
        throw new Error('the playground did not stop within 10 s of SIGINT');
    }
    return result;
}

async function waitForText(locator: Locator, text: string, timeout = 10_000): Promise<void> {
    const started = Date.now();
    let last = '';
    while (Date.now() - started < timeout) {
        last = (await locator.count()) > 0 ? await locator.first().innerText() : '';
        if (last.includes(text)) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.fail(`"${text}" did not appear within ${timeout} ms; the element shows:\n${last}`);
}

describe('the playground in Chromium', () => {
    let server: RunningServer | undefined;
    let context: BrowserContext | undefined;
    let page: Page;
    let profile: string | undefined;
    const pageErrors: string[] = [];
    const offPageRequests: string[] = [];
    const timings: string[] = [];
    /** When the first panel got LivePerson's answer for the first visitor. */
    let firstAnswerAt = 0;

    const bar = () => page.locator('[data-qa=contextual-bar]');
    const barText = () => bar().innerText();
    const block = (id: string) => bar().locator(`[data-block-id="${id}"]`);
    /** Refresh comes first among the header's buttons ("Show unverified profile" may follow it). */
    const refreshButton = () => block('header-actions').getByRole('button').first();
    const requests = (route: string) => page.locator(`[data-qa=request][data-route=${route}]`);
    const barSeq = async () => ((await bar().count()) > 0 ? Number(await bar().getAttribute('data-seq')) : -1);
    const state = async (): Promise<Snapshot> => (await (await fetch(`${server?.url}/api/state`)).json()) as Snapshot;
    /** The id of the newest answered request to a route (the page lists the last 40 requests only). */
    const lastAnswered = async (route: string) =>
        Math.max(0, ...(await state()).requests.filter((line) => line.route === route && line.status === 200).map((line) => line.id));

    const send = async (text: string) => {
        await page.locator('[data-qa=composer]').fill(text);
        await page.keyboard.press('Enter');
    };
    /** Waits for the bar to be drawn again (a new surface) and for the server to be idle. */
    const barAfter = async (seq: number, timeout = 10_000) => {
        await page.waitForFunction(`Number(document.querySelector('[data-qa=contextual-bar]')?.dataset.seq ?? -1) > ${seq}`, undefined, { timeout });
        await page.locator('[data-qa=busy]').waitFor({ state: 'detached', timeout });
    };
    const selectRoom = async (roomId: string) => {
        await page.locator(`[data-qa=room-${roomId}]`).click();
        await page.waitForFunction(`document.querySelector('[data-qa=room-${roomId}]')?.getAttribute('aria-current') === 'page'`);
    };
    const selectUser = async (userId: string) => {
        await page.locator('[data-qa=user-select]').selectOption(userId);
        await page.waitForFunction(`document.querySelector('[data-qa=user-select]')?.value === '${userId}'`);
    };
    /** `/visitorinfo` in the open room; resolves once the panel is drawn. */
    const openWithCommand = async () => {
        const seq = await barSeq();
        const started = Date.now();
        await send('/visitorinfo');
        await barAfter(seq);
        return Date.now() - started;
    };
    const settings = async (change: () => Promise<void>, expected: string) => {
        await page.locator('[data-qa=settings-open]').click();
        await page.locator('[data-qa=settings-drawer]').waitFor();
        await change();
        await waitForText(page.locator('[data-qa=settings-summary]'), expected);
        await page.locator('[data-qa=settings-close]').click();
        await page.locator('[data-qa=settings-drawer]').waitFor({ state: 'detached' });
    };
    const setLanguage = (code: string) => settings(() => page.locator(`[data-qa=language-${code}]`).click(), `language ${code}`);
    const setMode = async (mode: string) => {
        await page.locator(`[data-qa=mode-${mode}]`).click();
        await waitForText(page.locator('[data-qa=mode-description]'), `${mode}:`);
    };

    /** Nothing hovered or focused (a focused control's ring differs by a few pixels from run to run). */
    const settle = async () => {
        await page.mouse.move(0, 0);
        await page.evaluate('document.activeElement instanceof HTMLElement && document.activeElement.blur()');
    };
    /** Whole-page and whole-panel pictures. */
    const screenshotPage = async (file: string) => {
        await settle();
        await page.screenshot({ path: path.join(DOCS, file), animations: 'disabled', caret: 'hide' });
    };
    /** The contextual bar from its header to the end of its content, at the same width. */
    const screenshotPanel = async (file: string) => {
        await settle();
        await page.setViewportSize(TALL_VIEWPORT);
        try {
            const frame = await bar().boundingBox();
            const content = await page.locator('[data-qa=contextual-bar-content]').boundingBox();
            assert.ok(frame && content, 'the contextual bar is on screen');
            const height = Math.ceil(Math.min(frame.height, content.y + content.height - frame.y + 8));
            await page.screenshot({
                path: path.join(DOCS, file),
                clip: { x: frame.x, y: frame.y, width: frame.width, height },
                animations: 'disabled',
                caret: 'hide',
            });
        } finally {
            await page.setViewportSize(VIEWPORT);
        }
    };

    /**
     * The header as the agent sees it on a 1280×720 screen, without scrolling: the name (the contextual bar's
     * title), the trust state callout (its variant, title and text: the customer type and status lead the text when
     * LivePerson's profile has them), and Refresh. Also checks the panel speaks `language` (Refresh's label).
     * Returns what it read.
     */
    const checkHeader = async (language: string, label: string) => {
        const words = I18N[language];
        const snapshot = await state();
        assert.ok(snapshot.bar, `${label}: a panel is open`);
        const blocks = snapshot.bar.blocks as BlockLike[];
        const name = snapshot.bar.title;
        const callout = blocks.find((candidate) => candidate.blockId === 'header-state');
        assert.ok(name, `${label}: the contextual bar's title is the visitor's name`);
        assert.equal(blocks[0], callout, `${label}: the panel starts with the trust state`);
        assert.ok(callout?.type === 'callout' && callout.title, `${label}: the trust state is a callout with a title`);

        const scroller = page.locator('[data-qa=contextual-bar-scroll]');
        assert.equal(await scroller.evaluate((element) => element.scrollTop), 0, `${label}: the panel is not scrolled`);
        const frame = await scroller.boundingBox();
        const barFrame = await bar().boundingBox();
        assert.ok(frame && barFrame, `${label}: the panel and its scroll container are on screen`);
        /** Drawn inside `area` (the part of the scroll container or of the bar that the screen shows). */
        const onScreen = async (locator: Locator, what: string, area: { x: number; y: number; width: number; height: number } = frame) => {
            const box = await locator.boundingBox();
            assert.ok(box, `${label}: ${what} is drawn`);
            const bottom = Math.min(area.y + area.height, VIEWPORT.height);
            const inside = box.y >= area.y - 1 && box.y + box.height <= bottom + 1 && box.x >= area.x - 1 && box.x + box.width <= area.x + area.width + 1;
            assert.ok(
                inside,
                `${label}: ${what} must be visible without scrolling (at y ${Math.round(box.y)}-${Math.round(box.y + box.height)}, the screen shows ${Math.round(area.y)}-${Math.round(bottom)})`,
            );
        };
        const title = page.locator('[data-qa=contextual-bar-title]');
        assert.equal(await title.innerText(), name, `${label}: the bar's title`);
        await onScreen(title, `the name "${name}"`, barFrame);
        const drawn = block('header-state').locator('[data-qa=callout]');
        assert.equal(await drawn.getAttribute('data-variant'), callout.variant, `${label}: the callout is drawn with its variant`);
        const calloutTitle = drawn.locator('.rcx-callout__title');
        assert.equal(await calloutTitle.innerText(), callout.title.text, `${label}: the callout's title`);
        await onScreen(calloutTitle, `the trust state "${callout.title.text}"`);
        const text = callout.text?.text ?? '';
        if (text) {
            const children = drawn.locator('.rcx-callout__children');
            assert.equal(await children.innerText(), text, `${label}: the callout's text`);
            await onScreen(children, `the trust state's text "${text}"`);
        }
        assert.equal(await refreshButton().innerText(), words.panel_refresh, `${label}: the panel is in ${language}`);
        await onScreen(refreshButton(), 'the Refresh button');
        return { name, variant: callout.variant, title: callout.title.text, text };
    };

    /** `/visitorinfo` in a room of Alice's; resolves with the English header, checked, and what it reads. */
    const openIn = async (roomId: string, label: string) => {
        await selectRoom(roomId);
        await openWithCommand();
        return checkHeader('en', label);
    };

    before(async () => {
        if (!fs.existsSync(CHROMIUM)) {
            throw new Error(
                `No Chromium at ${CHROMIUM}. Install Debian's package: sudo apt-get install -y chromium ` +
                    '(or set CHROMIUM_PATH to a Chromium binary). This test never downloads a browser.',
            );
        }
        const started = Date.now();
        server = await startServer();
        timings.push(`server ready in ${Date.now() - started} ms`);
        profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lpvi-chromium-'));
        context = await chromium.launchPersistentContext(profile, {
            executablePath: CHROMIUM,
            headless: true,
            args: CHROMIUM_ARGS,
            viewport: VIEWPORT,
            deviceScaleFactor: 1,
            locale: 'en-US',
            timezoneId: 'UTC',
        });
        page = context.pages()[0] ?? (await context.newPage());
        page.on('pageerror', (error) => pageErrors.push(error.message));
        page.on('console', (message) => {
            if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
        });
        const origin = server.url;
        page.on('request', (request) => {
            const url = request.url();
            if (!url.startsWith(origin) && !url.startsWith('data:')) offPageRequests.push(url);
        });
        await page.goto(server.url);
        await page.locator('[data-qa=composer]').waitFor();
        await page.evaluate('document.fonts.ready');
    });

    after(async () => {
        await context?.close();
        if (profile) fs.rmSync(profile, { recursive: true, force: true });
        if (server) {
            const started = Date.now();
            const code = await stopServer(server);
            timings.push(`stopped on SIGINT in ${Date.now() - started} ms`);
            assert.equal(code, 0, `the playground exited with ${code} on SIGINT:\n${server.output()}`);
            assert.match(server.output(), /Stopped\./);
        }
        console.log(`timings: ${timings.join('; ')}`);
    });

    it('opens on Alice’s conversation with the visitor linked through external ids', async () => {
        assert.equal(await page.locator('[data-qa=room-name]').innerText(), 'Postman Test Visitor');
        assert.equal(await page.locator('[data-qa=user-select]').inputValue(), USERS.alice);
        assert.equal(await bar().count(), 0);
        // The pre-warm job the app scheduled when it was enabled has run: domain, login, agent session.
        for (const route of ['domain', 'login', 'agentSession']) assert.ok((await requests(route).count()) > 0, `the pre-warm called ${route}`);
        await waitForText(page.locator('[data-qa=settings-summary]'), 'masking on · sensitive fields hidden · limit 2500 ms · language en');
    });

    it('/visitorinfo opens the panel with the verified header on screen', async () => {
        const ms = await openWithCommand();
        firstAnswerAt = Date.now();
        timings.push(`first panel in ${ms} ms`);
        const header = await checkHeader('en', 'Alice, external ids');
        assert.equal(header.name, 'Test User');
        assert.equal(header.variant, 'success');
        assert.equal(header.title, I18N.en.state_title_verified);
        assert.match(header.text, /^VIP · Cancelled\. /, 'the customer type and status lead the callout');
        const text = await barText();
        // Label/value pairs, masked by default; labels are bold markdown, values plain text; Rocket.Chat's and the
        // technical details wait behind their buttons.
        for (const shown of [
            'Name in Rocket.Chat',
            'Postman Test Visitor',
            'Customer',
            'bank corp',
            '••••5333',
            I18N.en.panel_show_rocketchat,
            I18N.en.panel_show_details,
        ]) {
            assert.ok(text.includes(shown), `the panel should show "${shown}":\n${text}`);
        }
        for (const hidden of ['testuser@liveperson.com', '55fc1779-83b0-4e8b-8eea-503a8eaf8822', '*Customer id*', 'Conversation in Rocket.Chat']) {
            assert.ok(!text.includes(hidden), `the panel should not show "${hidden}"`);
        }
        assert.ok((await bar().locator('strong', { hasText: 'Customer id' }).count()) > 0, 'field labels are drawn in bold');
        assert.equal(await bar().locator('strong', { hasText: 'bank corp' }).count(), 0, 'values are plain text');
        // Private: the app posts nothing in the room.
        assert.equal(await page.locator('[data-qa=private-message]').count(), 0);
        await screenshotPage('playground.png');
        await screenshotPanel('panel.png');
    });

    it('Refresh right after the panel opened redraws it from the answer just fetched (one agent cannot spend the rate limit)', async () => {
        const before = await lastAnswered('participantInfo');
        const seq = await barSeq();
        await refreshButton().click();
        await barAfter(seq);
        await checkHeader('en', 'Alice, refreshed at once');
        assert.equal(await lastAnswered('participantInfo'), before, 'no second request within 10 s');
        assert.ok((await barText()).includes('From LivePerson just now.'));
    });

    it('the technical details button shows and hides the technical section', async () => {
        assert.equal(await bar().locator('[data-block-id^=technical-fields]').count(), 0, 'hidden at first');
        let seq = await barSeq();
        await bar().getByRole('button', { name: I18N.en.panel_show_details }).click();
        await barAfter(seq);
        await bar().locator('[data-block-id^=technical-fields]').first().waitFor();
        const text = await barText();
        for (const shown of ['Visitor id', '6a22b1765528fa64dd29de70', 'Participant id', I18N.en.panel_hide_details])
            assert.ok(text.includes(shown), `the technical section shows "${shown}":\n${text}`);
        // The click scrolled the panel down to the button; the redrawn panel keeps its scroll, as Rocket.Chat's does.
        await page.locator('[data-qa=contextual-bar-scroll]').evaluate((element) => element.scrollTo(0, 0));
        await checkHeader('en', 'Alice, with technical details');
        seq = await barSeq();
        await bar().getByRole('button', { name: I18N.en.panel_hide_details }).click();
        await barAfter(seq);
        assert.equal(await bar().locator('[data-block-id^=technical-fields]').count(), 0, 'hidden again');
        assert.ok((await barText()).includes(I18N.en.panel_show_details));
    });

    it('a long history (twelve Messaging conversations) leaves the header where it was: on screen, above the history', async () => {
        const { text, ...header } = await openIn(ROOMS.longHistory, 'Robin Fischer, long history');
        assert.deepEqual(header, { name: 'Robin Fischer', variant: 'success', title: I18N.en.state_title_verified });
        assert.match(text, /^Business · Active\. /);
        // lp_history_count (5 by default) entries, newest first, then how many more LivePerson holds.
        const history = await barText();
        assert.ok(history.includes(I18N.en.panel_section_history), `the panel lists the earlier conversations:\n${history}`);
        for (const shown of ['Feb 10, 2026', I18N.en.history_open, 'Jan 27, 2026', '“Showed how to export reports.”', 'and 7 more'])
            assert.ok(history.includes(shown), `the history shows "${shown}":\n${history}`);
        assert.ok(!history.includes('Mar 4, 2025, 9:15'), 'the oldest conversation is one of the 7 more');
        const title = await bar().getByText(I18N.en.panel_section_history, { exact: true }).boundingBox();
        const callout = await block('header-state').locator('[data-qa=callout]').boundingBox();
        assert.ok(title && callout && title.y > callout.y + callout.height, 'the history comes after the header');
        await screenshotPanel('panel-history.png');
    });

    it('with LivePerson down (Messaging included), a new panel says so under the trust state and keeps Rocket.Chat’s data', async () => {
        await setMode('down');
        try {
            await selectRoom(ROOMS.messaging);
            assert.equal(await bar().count(), 0, 'leaving a room closes its contextual bar');
            await openWithCommand();
            // The trust state is about how the visitor was linked; LivePerson's failure is the notice right under it.
            const header = await checkHeader('en', 'LivePerson down, Messaging visitor');
            assert.equal(header.variant, 'success');
            assert.equal(header.name, 'Alex M.', 'the name Rocket.Chat knows');
            const notice = block('notice-0').locator('[data-qa=callout]');
            assert.equal(await notice.getAttribute('data-variant'), 'danger');
            assert.equal(await notice.locator('.rcx-callout__title').innerText(), I18N.en.state_title_unavailable);
            const box = await notice.boundingBox();
            assert.ok(box && box.y + box.height <= VIEWPORT.height, 'the failure is on screen without scrolling');
            const seq = await barSeq();
            await bar().getByRole('button', { name: I18N.en.panel_show_rocketchat }).click();
            await barAfter(seq);
            const text = await barText();
            for (const shown of ['Rocket.Chat username', 'guest-14', 'First contact', 'Reference: lp-'])
                assert.ok(text.includes(shown), `the panel should still show "${shown}":\n${text}`);
            assert.ok(!text.includes('Alexandra Morgan'), 'no LivePerson data is shown when LivePerson is down');
            assert.ok(
                (await page.locator('[data-qa=request][data-route=msgHistConsumer][data-status="503"]').count()) > 0,
                'the Messaging history route answered 503',
            );
        } finally {
            await setMode('normal');
        }
    });

    it('the room action in the kebab menu (its label, no icon) opens the panel: a visitor-editable id is a warning', async () => {
        await selectRoom(ROOMS.field);
        await waitForText(page.locator('[data-qa=room-name]'), 'Jane Doe');
        const seq = await barSeq();
        await page.locator('[data-qa=room-kebab]').click();
        const action = page.locator('[data-qa=room-action-lpvi-room-action]');
        await action.waitFor({ state: 'visible' });
        assert.equal(await action.innerText(), I18N.en.room_action_label);
        const option = action.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " rcx-option ")][1]');
        assert.equal(await option.locator('img, .rcx-icon, svg').count(), 0, 'the room action has no icon');
        await action.click();
        await barAfter(seq);
        const header = await checkHeader('en', 'Jane Doe, lpParticipantId field');
        assert.equal(header.name, 'Jane Doe');
        assert.equal(header.variant, 'warning');
        await screenshotPanel('panel-warning.png');
        await bar().getByRole('button', { name: 'Close' }).click();
        await bar().waitFor({ state: 'detached' });
    });

    it('an id the website signed is "Verified by your website"; the same value pasted by another visitor is not', async () => {
        const { text: signedText, ...signed } = await openIn(ROOMS.signed, 'Maria Rossi, signed id');
        assert.deepEqual(signed, { name: 'Maria Rossi', variant: 'success', title: I18N.en.state_title_signed });
        assert.match(signedText, /^Gold\. Your website signed/);
        // The name Rocket.Chat knows, not the profile's: LivePerson's answer waits behind "Show unverified profile".
        const { text: _copiedText, ...copied } = await openIn(ROOMS.copied, 'Lee Harper, copied signed id');
        assert.deepEqual(copied, { name: 'Lee Harper', variant: 'warning', title: I18N.en.state_title_visitor_editable });
        let text = await barText();
        assert.ok(!text.includes('Maria'), `nothing of Maria Rossi’s profile shows unasked:\n${text}`);
        assert.ok(text.includes(I18N.en.panel_show_unverified));
        const seq = await barSeq();
        await bar().getByRole('button', { name: I18N.en.panel_show_details }).click();
        await barAfter(seq);
        text = await barText();
        assert.ok(text.includes('signed for another visitor'), `the technical details say why:\n${text}`);
    });

    it('every visitor’s header is on screen in English, and the Messaging visitor shows its LivePerson profile', async () => {
        const seen: string[] = [];
        const variants = new Set<string | undefined>();
        for (const roomId of ALICE_ROOMS) {
            await selectRoom(roomId);
            const ms = await openWithCommand();
            const header = await checkHeader('en', `en, ${roomId}`);
            seen.push(`${header.name}: ${header.variant} (${ms} ms)`);
            variants.add(header.variant);
            if (roomId === ROOMS.messaging) {
                assert.equal(header.name, 'Alexandra Morgan', 'LivePerson’s name for the Messaging consumer');
                assert.equal(header.variant, 'success');
                assert.match(header.text, /^Gold · Active\. /);
                assert.ok((await page.locator('[data-qa=request][data-route=msgHistConsumer][data-status="200"]').count()) > 0);
            }
        }
        timings.push(`en: ${seen.join(', ')}`);
        for (const variant of ['success', 'warning', 'info'])
            assert.ok(variants.has(variant), `the sample visitors cover a ${variant} state: ${seen.join(', ')}`);
    });

    it('Refresh asks LivePerson again once 10 s have passed since its last answer', async () => {
        await selectRoom(ROOMS.externalIds);
        await openWithCommand();
        await page.waitForTimeout(Math.max(0, REFRESH_FLOOR_MS + 500 - (Date.now() - firstAnswerAt)));
        const before = await lastAnswered('participantInfo');
        const seq = await barSeq();
        await refreshButton().click();
        await barAfter(seq);
        assert.ok((await lastAnswered('participantInfo')) > before, 'Refresh asked LivePerson');
        await checkHeader('en', 'Alice, refreshed');
        assert.ok((await barText()).includes('From LivePerson just now.'));
    });

    it('Paulo sees his conversation in Portuguese (his own language)', async () => {
        await selectUser(USERS.paulo);
        await selectRoom(ROOMS.portuguese);
        await openWithCommand();
        const header = await checkHeader('pt-BR', 'Paulo, pt-BR');
        assert.equal(header.variant, 'success');
        assert.equal(header.title, I18N['pt-BR'].state_title_verified);
        assert.ok((await barText()).includes(I18N['pt-BR'].panel_show_details));
        await screenshotPanel('panel-pt-BR.png');
        await selectUser(USERS.alice);
    });

    for (const language of ['es', 'de', 'fr']) {
        it(`every visitor’s header is on screen in ${language} (the server’s language, from the settings drawer)`, async () => {
            await setLanguage(language);
            // Apps hear of no server setting change: the app reads the server's language again after a while (10 s
            // at most today), as it would in Rocket.Chat. Until then its panels keep the previous language.
            const changed = Date.now();
            await selectRoom(ALICE_ROOMS[0]);
            for (;;) {
                await openWithCommand();
                if ((await refreshButton().innerText()) === I18N[language].panel_refresh) break;
                assert.ok(
                    Date.now() - changed < LANGUAGE_PICKUP_MS,
                    `the app still answers in another language ${LANGUAGE_PICKUP_MS} ms after the change to ${language}`,
                );
                await page.waitForTimeout(500);
            }
            const seen: string[] = [`picked up after ${Date.now() - changed} ms`];
            for (const roomId of ALICE_ROOMS) {
                await selectRoom(roomId);
                const ms = await openWithCommand();
                const header = await checkHeader(language, `${language}, ${roomId}`);
                seen.push(`${header.variant} ${ms} ms`);
            }
            timings.push(`${language}: ${seen.join(', ')}`);
            // The kebab menu speaks the language too (the client draws the app's label at once).
            await page.locator('[data-qa=room-kebab]').click();
            const action = page.locator('[data-qa=room-action-lpvi-room-action]');
            await action.waitFor({ state: 'visible' });
            assert.equal(await action.innerText(), I18N[language].room_action_label);
            await page.keyboard.press('Escape');
            await action.waitFor({ state: 'hidden' });
        });
    }

    it('the settings drawer changes masking, sensitive fields and the time limit live', async () => {
        await setLanguage('en');
        await selectRoom(ROOMS.externalIds);
        await settings(async () => {
            await page.locator('label[for=setting-mask]').click();
            await page.locator('label[for=setting-sensitive]').click();
        }, 'masking off · sensitive fields shown');
        await openWithCommand();
        let text = await barText();
        for (const shown of ['testuser@liveperson.com', '+1-10-344-3765333', 'Balance', '-400.99'])
            assert.ok(text.includes(shown), `unmasked, with sensitive fields, the panel shows "${shown}":\n${text}`);
        await checkHeader('en', 'unmasked, with sensitive fields');

        await settings(async () => {
            await page.locator('label[for=setting-mask]').click();
            await page.locator('label[for=setting-sensitive]').click();
            await page.locator('[data-qa=timeout-1000]').click();
        }, 'masking on · sensitive fields hidden · limit 1000 ms');
        await setMode('slow');
        const seq = await barSeq();
        const started = Date.now();
        await refreshButton().click();
        await barAfter(seq, 5000);
        const ms = Date.now() - started;
        timings.push(`Refresh with LivePerson slow and a 1000 ms limit: ${ms} ms`);
        assert.ok(ms < 2500, `the 1000 ms limit holds: the panel came back after ${ms} ms`);
        text = await barText();
        assert.ok(text.includes("didn't answer in time"), `the panel says LivePerson was too slow:\n${text}`);
        assert.ok(!text.includes('testuser@liveperson.com'), 'masked again');
        await checkHeader('en', 'LivePerson slow, 1000 ms');
        await setMode('normal');
        await settings(() => page.locator('[data-qa=timeout-2500]').click(), 'limit 2500 ms');
    });

    it('in #general, /visitorinfo answers privately, drawn from the message’s blocks', async () => {
        await selectRoom(ROOMS.general);
        await waitForText(page.locator('[data-qa=room-name]'), '#general');
        await send('/visitorinfo');
        const hint = page.locator('[data-qa=private-message]');
        await waitForText(hint, '/visitorinfo works in omnichannel (livechat) rooms.');
        assert.ok((await hint.first().locator('[data-qa=message-blocks] [data-block-type=section]').count()) > 0, 'the blocks are drawn');
        assert.match(await hint.first().innerText(), /Only you can see this message/);
        assert.equal(await bar().count(), 0);
        assert.equal(await page.locator('[data-qa=room-kebab]').count(), 1);
    });

    it('loaded nothing from outside the playground and threw no page errors', () => {
        assert.deepEqual(offPageRequests, [], 'the page works offline: every request goes to the playground');
        assert.deepEqual(pageErrors, []);
    });
});
