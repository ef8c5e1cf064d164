/**
 * `npm run test:browser`: the playground (`npm start`) in headless Chromium from Debian's package, driven by
 * playwright-core (which downloads nothing). The panel is drawn by Rocket.Chat's own UIKit renderer
 * (@rocket.chat/fuselage-ui-kit), so this checks what an agent sees, not the blocks' JSON. Screenshots go to
 * docs/ for the README.
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

const ROOT = path.resolve(__dirname, '../..');
const DOCS = path.join(ROOT, 'docs');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** The flags Chromium needs here: root without a sandbox, no GPU, and no calls home (the network is closed). */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const VIEWPORT = { width: 1360, height: 860 };
/** Tall enough for the whole panel in one screenshot. */
const TALL_VIEWPORT = { width: 1360, height: 1600 };

interface RunningServer {
    url: string;
    process: ChildProcess;
    output: () => string;
}

/** Starts `playground/server.ts` as `npm start` does (after packaging), on a free port; resolves with its URL. */
function startServer(): Promise<RunningServer> {
    const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
    const child = spawn(tsx, [path.join(ROOT, 'playground', 'server.ts')], { cwd: ROOT, env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => fail(new Error('the playground did not print its URL within 30 s')), 30_000);
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
                resolve({ url: match[1], process: child, output: () => output });
            }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.once('error', fail);
        child.once('exit', (code) => fail(new Error(`the playground exited (code ${code}) before it was ready`)));
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

/** The contextual bar from its header to the end of its content (the bar itself is as tall as the window). */
async function screenshotPanel(page: Page, file: string): Promise<void> {
    await page.setViewportSize(TALL_VIEWPORT);
    const frame = await page.locator('[data-qa=contextual-bar]').boundingBox();
    const content = await page.locator('[data-qa=contextual-bar-content]').boundingBox();
    assert.ok(frame && content, 'the contextual bar is on screen');
    const height = Math.min(frame.height, content.y + content.height - frame.y + 8);
    await page.screenshot({ path: file, clip: { x: frame.x, y: frame.y, width: frame.width, height } });
    await page.setViewportSize(VIEWPORT);
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

    const bar = () => page.locator('[data-qa=contextual-bar]');
    const barText = () => bar().innerText();
    const refreshButton = () => bar().getByRole('button', { name: 'Refresh' });
    const requests = (route: string) => page.locator(`[data-qa=request][data-route=${route}]`);
    const send = async (text: string) => {
        await page.locator('[data-qa=composer]').fill(text);
        await page.keyboard.press('Enter');
    };
    const barSeq = async () => Number(await bar().getAttribute('data-seq'));

    before(async () => {
        if (!fs.existsSync(CHROMIUM)) {
            throw new Error(
                `No Chromium at ${CHROMIUM}. Install Debian's package: sudo apt-get install -y chromium ` +
                    '(or set CHROMIUM_PATH to a Chromium binary). This test never downloads a browser.',
            );
        }
        server = await startServer();
        profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lpvi-chromium-'));
        context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: VIEWPORT });
        page = context.pages()[0] ?? (await context.newPage());
        page.on('pageerror', (error) => pageErrors.push(error.message));
        const origin = server.url;
        page.on('request', (request) => {
            const url = request.url();
            if (!url.startsWith(origin) && !url.startsWith('data:')) offPageRequests.push(url);
        });
        await page.goto(server.url);
        await page.locator('[data-qa=composer]').waitFor();
    });

    after(async () => {
        await context?.close();
        if (profile) fs.rmSync(profile, { recursive: true, force: true });
        if (server) {
            const code = await stopServer(server);
            assert.equal(code, 0, `the playground exited with ${code} on SIGINT:\n${server.output()}`);
            assert.match(server.output(), /Stopped\./);
        }
    });

    it('opens on Alice’s conversation with the visitor linked through external ids', async () => {
        assert.equal(await page.locator('[data-qa=room-name]').innerText(), 'Postman Test Visitor');
        assert.equal(await page.locator('[data-qa=user-select]').inputValue(), 'agent0000000001');
        assert.equal(await bar().count(), 0);
    });

    it('/visitorinfo opens the panel with what Rocket.Chat and LivePerson know', async () => {
        await send('/visitorinfo');
        await bar().waitFor();
        await waitForText(bar(), 'Fetched from LivePerson just now.');
        const text = await barText();
        // Rocket.Chat's visitor, then LivePerson's participant (masked by default: emails, phones, ids).
        for (const shown of ['Visitor info', 'Postman Test Visitor', 'guest-10', 'Billing', 'plan: gold', 'bank corp', 'vip', 'cancelled', '••••8822']) {
            assert.ok(text.includes(shown), `the panel should show "${shown}":\n${text}`);
        }
        for (const hidden of ['55fc1779-83b0-4e8b-8eea-503a8eaf8822', 'postman-test@example.com', '*Name*']) {
            assert.ok(!text.includes(hidden), `the panel should not show "${hidden}"`);
        }
        // Markdown is drawn, not shown: field labels are bold.
        assert.ok((await bar().locator('strong', { hasText: 'Account name' }).count()) > 0, 'field labels are drawn in bold');
        // Private: the app posts nothing in the room.
        assert.equal(await page.locator('[data-qa=private-message]').count(), 0);
        await page.screenshot({ path: path.join(DOCS, 'playground.png') });
        await screenshotPanel(page, path.join(DOCS, 'panel.png'));
    });

    it('Refresh asks LivePerson again and redraws the panel', async () => {
        const before = await requests('participantInfo').count();
        const seq = await barSeq();
        await refreshButton().click();
        await page.waitForFunction(`document.querySelectorAll('[data-qa=request][data-route=participantInfo][data-status="200"]').length > ${before}`, undefined, { timeout: 10_000 });
        await page.waitForFunction(`Number(document.querySelector('[data-qa=contextual-bar]')?.dataset.seq) > ${seq}`, undefined, { timeout: 10_000 });
        const text = await barText();
        assert.ok(text.includes('bank corp') && text.includes('Fetched from LivePerson just now.'), text);
    });

    it('with LivePerson down the panel says so and keeps Rocket.Chat’s data', async () => {
        await page.locator('[data-qa=mode-down]').click();
        await waitForText(page.locator('[data-qa=mode-description]'), 'down');
        await refreshButton().click();
        await waitForText(bar(), "LivePerson can't be reached right now");
        const text = await barText();
        for (const shown of ['Postman Test Visitor', 'guest-10', 'Billing', 'Reference: lp-']) {
            assert.ok(text.includes(shown), `the panel should still show "${shown}":\n${text}`);
        }
        assert.ok(!text.includes('bank corp'), 'no LivePerson data is shown when LivePerson is down');
        assert.ok((await page.locator('[data-qa=request][data-status="503"]').count()) > 0, 'the request log shows the 503');
        await screenshotPanel(page, path.join(DOCS, 'panel-liveperson-down.png'));
        await page.locator('[data-qa=mode-normal]').click();
        await waitForText(page.locator('[data-qa=mode-description]'), 'normal');
    });

    it('the room action in the kebab menu opens the panel for another conversation', async () => {
        await page.locator('[data-qa=room-roomField00000001]').click();
        await waitForText(page.locator('[data-qa=room-name]'), 'Jane Doe');
        assert.equal(await bar().count(), 0, 'leaving a room closes its contextual bar');
        await page.locator('[data-qa=room-kebab]').click();
        await page.locator('[data-qa=room-action-lpvi-room-action]').click();
        await bar().waitFor();
        await waitForText(bar(), 'Jane Doe');
        await bar().getByRole('button', { name: 'Close' }).click();
        await bar().waitFor({ state: 'detached' });
    });

    it('in #general, /visitorinfo answers privately that it works in omnichannel rooms', async () => {
        await page.locator('[data-qa=room-channelGeneral01]').click();
        await waitForText(page.locator('[data-qa=room-name]'), '#general');
        await send('/visitorinfo');
        const hint = page.locator('[data-qa=private-message]');
        await waitForText(hint, '/visitorinfo works in omnichannel (livechat) rooms.');
        assert.match(await hint.first().innerText(), /Only you can see this message/);
        assert.equal(await bar().count(), 0);
    });

    it('loaded nothing from outside the playground and threw no page errors', () => {
        assert.deepEqual(offPageRequests, [], 'the page works offline: every request goes to the playground');
        assert.deepEqual(pageErrors, []);
    });
});
