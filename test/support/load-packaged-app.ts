import { createRequire } from 'node:module';
import AdmZip from 'adm-zip';
import type { App } from '@rocket.chat/apps-engine/definition/App';
import type { IAppAccessors, ILogger } from '@rocket.chat/apps-engine/definition/accessors';
import type { IAppInfo } from '@rocket.chat/apps-engine/definition/metadata';

export type PackagedAppClass = new (info: IAppInfo, logger: ILogger, accessors: IAppAccessors) => App;

export interface PackagedApp {
  info: IAppInfo;
  AppClass: PackagedAppClass;
  /** Language -> key -> text, from `i18n/<language>.json`. */
  i18n: Record<string, Record<string, string>>;
  /** Every file name in the zip. */
  entries: string[];
}

/** The only modules an app may require at run time: the engine's definitions (everything else must be bundled). */
const ENGINE_PREFIX = '@rocket.chat/apps-engine/';

const hostRequire = createRequire(__filename);

/**
 * The `require` the app sees. Stricter than Rocket.Chat's Deno runtime, which also lends a few node builtins
 * (path, crypto, http, ...) and `uuid`: here nothing but the engine's definitions resolves, so a bundle that leans
 * on any other module fails in tests instead of in some deployments.
 */
function sandboxRequire(name: string): unknown {
  if (!name.startsWith(ENGINE_PREFIX)) {
    throw new Error(`the app sandbox cannot require '${name}'`);
  }
  return hostRequire(name);
}

function readJson<T>(zip: AdmZip, entryName: string): T {
  const entry = zip.getEntry(entryName);
  if (!entry) {
    throw new Error(`the app package has no ${entryName}`);
  }
  try {
    return JSON.parse(entry.getData().toString('utf8')) as T;
  } catch (error) {
    throw new Error(`the app package's ${entryName} is not valid JSON: ${(error as Error).message}`);
  }
}

/** The app class, as the host picks it: module.exports itself, else its first exported function, else `default`. */
function appClassFrom(moduleExports: unknown, classFile: string): PackagedAppClass {
  if (typeof moduleExports === 'function') {
    return moduleExports as PackagedAppClass;
  }
  const exported = (moduleExports ?? {}) as Record<string, unknown>;
  const candidate = Object.values(exported).find((value) => typeof value === 'function') ?? exported.default;
  if (typeof candidate !== 'function') {
    throw new Error(`${classFile} exports no app class`);
  }
  return candidate as PackagedAppClass;
}

/**
 * Evaluates the compiled class file like the host does: a CommonJS wrapper (`module`, `exports`, `require`) run
 * in the caller's realm. `new Function` (not `vm.compileFunction`, which compiles in Node's main context) keeps
 * the app on the same globals as the test, so a test that moves the clock moves the app's clock too.
 */
function evaluateClassFile(source: string, fileName: string): unknown {
  const module = { exports: {} as unknown };
  const wrapper = new Function('module', 'exports', 'require', `${source}\n//# sourceURL=${fileName}`) as (
    module: { exports: unknown },
    exports: unknown,
    require: (name: string) => unknown,
  ) => void;
  wrapper.call(module.exports, module, module.exports, sandboxRequire);
  return module.exports;
}

/** Reads a packaged app (the zip Rocket.Chat installs) and returns its metadata, class and translations. */
export async function loadPackagedApp(zipPath: string): Promise<PackagedApp> {
  const zip = new AdmZip(zipPath);
  const entries = zip
    .getEntries()
    .filter((entry) => !entry.isDirectory)
    .map((entry) => entry.entryName);
  const info = readJson<IAppInfo>(zip, 'app.json');
  if (!info.classFile) {
    throw new Error('the app package\'s app.json names no classFile');
  }
  const classFile = info.classFile.replace(/\.ts$/, '.js');
  const classEntry = zip.getEntry(classFile);
  if (!classEntry) {
    throw new Error(`the app package has no ${classFile} (entries: ${entries.join(', ')})`);
  }
  const AppClass = appClassFrom(evaluateClassFile(classEntry.getData().toString('utf8'), classFile), classFile);
  const i18n: Record<string, Record<string, string>> = {};
  for (const name of entries) {
    const match = /^i18n\/([^/]+)\.json$/.exec(name);
    if (match) {
      i18n[match[1]] = readJson<Record<string, string>>(zip, name);
    }
  }
  return { info, AppClass, i18n, entries };
}
