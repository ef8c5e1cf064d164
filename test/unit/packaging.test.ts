import AdmZip from 'adm-zip';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { appJsonProblems, implementedInterfaces, readAppJson } from '../../scripts/package/appJson';
import { packagedZipPath } from '../support/packaged-zip';

const ROOT = path.resolve(__dirname, '../..');

describe('the packaged zip', () => {
    it('holds exactly Main.js, app.json, the icon and the translations', () => {
        const entries = new AdmZip(packagedZipPath())
            .getEntries()
            .map((entry) => entry.entryName)
            .sort();
        expect(entries).toEqual(['Main.js', 'app.json', 'i18n/de.json', 'i18n/en.json', 'i18n/es.json', 'i18n/fr.json', 'i18n/pt-BR.json', 'icon.png']);
    });

    it('its Main.js can be required in plain Node with only @rocket.chat/apps-engine resolvable', () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lpvi-require-'));
        try {
            fs.mkdirSync(path.join(dir, 'node_modules', '@rocket.chat'), { recursive: true });
            fs.symlinkSync(path.join(ROOT, 'node_modules/@rocket.chat/apps-engine'), path.join(dir, 'node_modules/@rocket.chat/apps-engine'), 'dir');
            fs.writeFileSync(path.join(dir, 'Main.js'), new AdmZip(packagedZipPath()).readAsText('Main.js'));
            const output = execFileSync(
                process.execPath,
                ['-e', "const m = require('./Main.js'); const C = Object.values(m)[0]; console.log(typeof C, C.name)"],
                {
                    cwd: dir,
                    env: { PATH: process.env.PATH ?? '', NODE_PATH: '' },
                },
            ).toString();
            expect(output.trim()).toBe('function LivePersonVisitorInfoApp');
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it('stays small: zod is inlined as zod/mini', () => {
        const size = new AdmZip(packagedZipPath()).getEntry('Main.js')?.header.size ?? 0;
        expect(size).toBeGreaterThan(50_000);
        expect(size).toBeLessThan(300_000);
    });
});

describe('app.json validation', () => {
    const valid = readAppJson();

    it('the shipped app.json is valid', () => {
        expect(appJsonProblems(valid)).toEqual([]);
        expect(valid.requiredApiVersion).toBe('^1.42.0');
    });

    it('names each problem in a plain sentence', () => {
        const broken = {
            ...valid,
            id: 'not-a-uuid',
            version: '1.0',
            author: { name: 'x' },
            permissions: [{ name: 'networking' }, { name: 'livechat-visitor.reed' }],
            implements: ['IMadeThisUp'],
        } as unknown as typeof valid;
        expect(appJsonProblems(broken)).toEqual([
            'app.json: "id" must be a UUID v4.',
            'app.json: "version" must be a semantic version such as 1.2.3.',
            'app.json: "author" needs "name", "homepage" and "support".',
            'app.json: "implements" names "IMadeThisUp", which the Apps-Engine does not define.',
            'app.json: the "networking" permission must name the LivePerson domains it reaches.',
            'app.json: permission "livechat-visitor.reed" is not one of the Apps-Engine\'s AppPermissions.',
        ]);
    });

    it('derives "implements" from the handler methods a class has', () => {
        expect(implementedInterfaces(new Set(['executeActionButtonHandler', 'executeBlockActionHandler']))).toEqual(['IUIKitInteractionHandler']);
        expect(implementedInterfaces(new Set(['executePostMessageSent', 'checkPreMessageSentPrevent']))).toEqual([
            'IPreMessageSentPrevent',
            'IPostMessageSent',
        ]);
    });

    it('every permission the app declares is explained in the README', () => {
        const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
        for (const permission of valid.permissions ?? []) {
            expect(readme).toContain(`\`${permission.name}\``);
        }
    });
});
