import { App } from '@rocket.chat/apps-engine/definition/App';
import { loadPackagedApp } from './support/load-packaged-app';
import { TINY_APP_I18N, TINY_APP_SOURCE, temporaryDirectory, tinyAppInfo, writeAppZip } from './support/fixtures/tiny-app';

describe('loadPackagedApp', () => {
  const { dir, cleanup } = temporaryDirectory();
  afterAll(cleanup);

  it('reads app.json, evaluates Main.js in the CommonJS sandbox and collects the translations', async () => {
    const zipPath = writeAppZip(dir);

    const loaded = await loadPackagedApp(zipPath);

    expect(loaded.info).toEqual(tinyAppInfo());
    expect(loaded.AppClass.name).toBe('TinyApp');
    expect(loaded.AppClass.prototype).toBeInstanceOf(App);
    expect(loaded.i18n).toEqual(TINY_APP_I18N);
    expect([...loaded.entries].sort()).toEqual(['Main.js', 'app.json', 'i18n/en.json', 'i18n/pt-BR.json', 'icon.png']);
  });

  it('gives the engine definitions to the app, so the class can be constructed like the host does', async () => {
    const { AppClass, info } = await loadPackagedApp(writeAppZip(dir, {}, 'construct.zip'));
    const lines: unknown[][] = [];
    const logger = { debug: (...args: unknown[]) => lines.push(args) } as never;

    const app = new AppClass(info, logger, undefined as never);

    expect(app.getID()).toBe(info.id);
    expect(app.getAppUserUsername()).toBe('tiny-app.bot');
    expect(lines[0][0]).toContain('Constructed the App Tiny App');
  });

  it.each(['fs', 'zod', 'node:path', 'uuid'])('refuses require(%p): everything but the engine must be bundled', async (name) => {
    const source = `const dependency = require('${name}');\n${TINY_APP_SOURCE}`;
    const zipPath = writeAppZip(dir, { source }, `requires-${name.replace(/\W/g, '-')}.zip`);

    await expect(loadPackagedApp(zipPath)).rejects.toThrow(`the app sandbox cannot require '${name}'`);
  });

  it('takes the default export when that is all the module exports', async () => {
    const source = TINY_APP_SOURCE.replace('module.exports = { TinyApp };', 'exports.default = TinyApp;');

    const { AppClass } = await loadPackagedApp(writeAppZip(dir, { source }, 'default-export.zip'));

    expect(AppClass.name).toBe('TinyApp');
  });

  it('names what is missing from a broken package', async () => {
    const noClass = writeAppZip(dir, { info: { ...tinyAppInfo(), classFile: 'Other.ts' } }, 'no-class.zip');
    const noExport = writeAppZip(dir, { source: 'const x = 1;' }, 'no-export.zip');

    await expect(loadPackagedApp(noClass)).rejects.toThrow('the app package has no Other.js');
    await expect(loadPackagedApp(noExport)).rejects.toThrow('Main.js exports no app class');
  });
});
