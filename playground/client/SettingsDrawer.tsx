/**
 * The settings drawer: three of the app's settings, saved as an admin saves the app's settings page (through the
 * engine's settings manager, so the app's onSettingUpdated runs), and the server's default language. Every change
 * is live: the next panel is drawn with it.
 */
import { IconButton, ToggleSwitch } from '@rocket.chat/fuselage';

import './drawer.css';

import { LANGUAGES, TIMEOUT_CHOICES, type PlaygroundSettings, type SettingsRequest } from '../shared';

export function settingsSummary(settings: PlaygroundSettings): string {
    return [
        settings.maskPii ? 'masking on' : 'masking off',
        settings.showSensitive ? 'sensitive fields shown' : 'sensitive fields hidden',
        `limit ${settings.timeoutMs} ms`,
        `language ${settings.language}`,
    ].join(' · ');
}

export function SettingsDrawer({ settings, save, onClose }: { settings: PlaygroundSettings; save: (change: SettingsRequest) => void; onClose: () => void }) {
    return (
        <aside className="drawer" data-qa="settings-drawer" aria-label="Settings">
            <header className="drawer-header">
                <div>
                    <div className="drawer-title">Settings</div>
                    <div className="drawer-subtitle">Saved live, as an admin saves them</div>
                </div>
                <IconButton icon="cross" small title="Close" aria-label="Close the settings" onClick={onClose} data-qa="settings-close" />
            </header>

            <div className="drawer-heading">The app (Administration › Apps › LivePerson Visitor Info)</div>
            <Toggle
                id="setting-mask"
                label="Mask personal data"
                setting="lp_mask_pii"
                hint="An email keeps its first letters and its domain, a phone its last 4 digits, an identifier its last 4 characters."
                checked={settings.maskPii}
                onChange={(checked) => save({ maskPii: checked })}
            />
            <Toggle
                id="setting-sensitive"
                label="Show sensitive fields"
                setting="lp_show_sensitive"
                hint="Also LivePerson’s balance, last payment date, IMEI and social id."
                checked={settings.showSensitive}
                onChange={(checked) => save({ showSensitive: checked })}
            />
            <div className="drawer-field">
                <div className="drawer-label">
                    LivePerson time limit <code>lp_timeout_ms</code>
                </div>
                <div className="segmented" role="group" aria-label="LivePerson time limit">
                    {TIMEOUT_CHOICES.map((ms) => (
                        <button
                            key={ms}
                            type="button"
                            className={`segment${settings.timeoutMs === ms ? ' segment-active' : ''}`}
                            aria-pressed={settings.timeoutMs === ms}
                            data-qa={`timeout-${ms}`}
                            onClick={() => save({ timeoutMs: ms })}
                        >
                            {ms} ms
                        </button>
                    ))}
                </div>
                <div className="drawer-hint">The longest an agent waits for LivePerson per click; then the panel opens with Rocket.Chat’s data.</div>
            </div>

            <div className="drawer-heading">The server (Administration › Settings › General)</div>
            <div className="drawer-field">
                <div className="drawer-label">
                    Default language <code>Language</code>
                </div>
                <div className="segmented segmented-wrap" role="group" aria-label="Default language">
                    {LANGUAGES.map((language) => (
                        <button
                            key={language.code}
                            type="button"
                            className={`segment${settings.language === language.code ? ' segment-active' : ''}`}
                            aria-pressed={settings.language === language.code}
                            title={language.name}
                            data-qa={`language-${language.code}`}
                            onClick={() => save({ language: language.code })}
                        >
                            {language.code}
                        </button>
                    ))}
                </div>
                <div className="drawer-hint">
                    For users without a language of their own (Paulo Agente keeps pt-BR). Apps are not told of server setting changes: the app uses the new
                    language once it reads the server&apos;s settings again (within 10 s), or at once after an app setting is saved.
                </div>
            </div>

            <div className="drawer-current" data-qa="settings-current">
                Now: {settingsSummary(settings)}
            </div>
        </aside>
    );
}

function Toggle({
    id,
    label,
    setting,
    hint,
    checked,
    onChange,
}: {
    id: string;
    label: string;
    setting: string;
    hint: string;
    checked: boolean;
    onChange: (checked: boolean) => void;
}) {
    return (
        <div className="drawer-field">
            <div className="drawer-toggle">
                <label className="drawer-label" htmlFor={id}>
                    {label} <code>{setting}</code>
                </label>
                <ToggleSwitch id={id} data-qa={id} checked={checked} onChange={(event) => onChange((event.target as HTMLInputElement).checked)} />
            </div>
            <div className="drawer-hint">{hint}</div>
        </div>
    );
}
