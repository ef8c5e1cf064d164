/**
 * Translation keys only Rocket.Chat reads (setting descriptions, settings sections, the command's and the
 * button's texts): the host takes them from the zip's i18n files, so the copy bundled into Main.js for the
 * app's own views goes without them. A key the app itself uses must never match this.
 */
export const isHostOnlyKey = (key: string): boolean =>
    key.endsWith('_description') || /^section_/.test(key) || key === 'room_action_label' || key.startsWith('visitorinfo_command_');
