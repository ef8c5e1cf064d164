import fs from 'node:fs';
import path from 'node:path';

import { appJsonProblems, implementedInterfaces, readAppJson } from './package/appJson';
import { bundleMain } from './package/bundle';
import { i18nProblems, readI18nFiles } from './package/i18nFiles';
import { problemsLoadingInDeno } from './package/loadsInDeno';
import { problemsLoadingInVm2 } from './package/loadsInVm2';
import { PackagingError } from './package/PackagingError';
import { ROOT, zipPathFor } from './package/paths';
import { collectRegistrations, hostI18nKeys } from './package/registrations';
import { writeZip } from './package/writeZip';

/** `npm run package`: validate, bundle, check what the bundle registers, zip. */
async function main(): Promise<void> {
    const started = Date.now();
    const info = readAppJson();
    const problems = appJsonProblems(info);
    if (problems.length > 0) {
        throw new PackagingError(problems);
    }

    const mainJs = await bundleMain();
    problems.push(...(await problemsLoadingInDeno(mainJs)), ...(await problemsLoadingInVm2(mainJs)));
    if (problems.length > 0) {
        throw new PackagingError(problems);
    }
    const registrations = await collectRegistrations(mainJs, info);
    const expectedInterfaces = implementedInterfaces(registrations.methodNames).sort();
    const declared = [...info.implements].sort();
    if (expectedInterfaces.join() !== declared.join()) {
        problems.push(`app.json: "implements" says [${declared.join(', ')}] but Main.ts implements [${expectedInterfaces.join(', ')}].`);
    }
    problems.push(...i18nProblems(readI18nFiles(), hostI18nKeys(registrations)));
    if (problems.length > 0) {
        throw new PackagingError(problems);
    }

    const zipPath = zipPathFor(info.version);
    const entries = writeZip(zipPath, mainJs, info.iconFile);
    const kb = (file: string) => `${(fs.statSync(file).size / 1024).toFixed(1)} KB`;
    console.log(`Packaged ${info.name} ${info.version} in ${Date.now() - started} ms`);
    console.log(`  ${path.relative(ROOT, zipPath)}: ${kb(zipPath)} (${entries.length} files: ${entries.join(', ')})`);
    console.log(`  Main.js: ${kb(mainJs)}`);
}

main().catch((error: unknown) => {
    if (error instanceof PackagingError) {
        console.error(`Packaging failed:\n${error.problems.map((problem) => `  - ${problem}`).join('\n')}`);
    } else {
        console.error(`Packaging failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    process.exit(1);
});
