import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const DIST = path.join(ROOT, 'dist');
export const BUILD = path.join(DIST, 'build');
export const I18N = path.join(ROOT, 'i18n');

export const zipPathFor = (version: string): string => path.join(DIST, `liveperson-visitor-info_${version}.zip`);
