import type { LayoutBlock } from '@rocket.chat/ui-kit';

import type { MessageKey } from '../i18n/languages';
import type { ConnectionReport } from '../liveperson/session';
import type { AppConfig, SettingProblem } from '../settings/AppConfig';
import type { RawSettings } from '../settings/readAppConfig';
import { optionLabelKey, SECRET_SETTINGS, SETTINGS, settingLabelKey } from '../settings/settingDefinitions';
import type { SettingId } from '../settings/SettingId';
import { cut } from '../ui/bounds';
import { fieldBlocks } from '../ui/fieldBlocks';
import { formatDateTime, type Reader } from '../ui/formatting';
import type { DocumentField } from '../ui/ProfileDocument';
import { label, plain } from '../ui/text';

const KIND_HINTS: Partial<Record<string, MessageKey>> = {
    auth: 'status_kind_hint_auth',
    misconfigured: 'status_kind_hint_misconfigured',
    forbidden: 'status_kind_hint_forbidden',
    unavailable: 'status_kind_hint_unavailable',
    timeout: 'status_kind_hint_timeout',
    rateLimited: 'status_kind_hint_rateLimited',
    invalidResponse: 'status_kind_hint_invalidResponse',
};

const settingLabel = (id: string, reader: Reader) => reader.t(settingLabelKey(id) as MessageKey);

function problemText(problem: SettingProblem, reader: Reader): string {
    return reader.t(`problem_${problem.code}` as MessageKey, {
        setting: settingLabel(problem.settingId, reader),
        min: problem.range?.min ?? '',
        max: problem.range?.max ?? '',
    });
}

/**
 * Pure: every setting by its label and its value in words, then the live test step by step and the last
 * background connection. A secret's value is never shown, only whether it is set.
 */
export function statusMessage(
    raw: RawSettings,
    config: AppConfig,
    test: ConnectionReport | undefined,
    lastWarmUp: ConnectionReport | undefined,
    reader: Reader,
): { text: string; blocks: LayoutBlock[] } {
    const { t } = reader;
    const settings: DocumentField[] = SETTINGS.map((setting) => {
        const problems = config.problems.filter((problem) => problem.settingId === (setting.id as SettingId));
        const value =
            problems.length > 0
                ? problems.map((problem) => `${t(problem.warning ? 'status_warning' : 'status_problem')}: ${problemText(problem, reader)}`).join(' ')
                : valueInWords(setting.id, raw[setting.id as SettingId], reader);
        return { label: settingLabel(setting.id, reader), values: [value] };
    });
    const connection: DocumentField[] =
        config.readiness === 'notConfigured' ? [{ label: t('status_connection'), values: [t('status_not_configured')] }] : stepFields(test, config, reader);
    const last = lastWarmUp
        ? t('status_last_warm_up', {
              outcome: t(lastWarmUp.ok ? 'status_warm_up_ok' : 'status_warm_up_failed'),
              time: formatDateTime(new Date(lastWarmUp.at).toISOString(), reader) ?? '',
          })
        : t('status_no_warm_up');
    const blocks: LayoutBlock[] = [
        { type: 'section', blockId: 'status-title', text: label(t('status_title')) },
        { type: 'section', blockId: 'status-settings', text: label(t('status_settings')) },
        ...fieldBlocks(settings, 'status-settings'),
        { type: 'section', blockId: 'status-connection', text: label(t('status_connection')) },
        ...fieldBlocks(connection, 'status-connection'),
        { type: 'context', blockId: 'status-last', elements: [plain(last)] },
    ];
    const lines = [t('status_title'), ...[...settings, ...connection].map((field) => `${field.label}: ${field.values.join(' ')}`), last];
    return { text: lines.join('\n'), blocks };
}

function valueInWords(id: string, value: unknown, reader: Reader): string {
    const { t } = reader;
    const blank = value === undefined || value === null || String(value).trim() === '';
    if (blank) return t('status_value_not_set');
    if (SECRET_SETTINGS.has(id)) return t('status_value_set');
    if (typeof value === 'boolean' || value === 'true' || value === 'false') return t(value === true || value === 'true' ? 'word_yes' : 'word_no');
    const setting = SETTINGS.find((candidate) => candidate.id === id);
    if (setting?.values?.some((option) => option.key === value)) return t(optionLabelKey(id, String(value)) as MessageKey);
    return cut(String(value), 120);
}

function stepFields(test: ConnectionReport | undefined, config: AppConfig, reader: Reader): DocumentField[] {
    const { t } = reader;
    const fields: DocumentField[] = [];
    if (config.livePerson?.domainOverride) {
        fields.push({ label: t('status_step_domain'), values: [t('status_domain_override', { domain: config.livePerson.domainOverride })] });
    }
    for (const step of test?.steps ?? []) {
        const name = t(`status_step_${step.step}` as MessageKey);
        if (step.ok) {
            fields.push({ label: name, values: [t('status_step_ok', { ms: step.durationMs })] });
            continue;
        }
        if (step.heldBackSeconds) {
            fields.push({ label: name, values: [t('status_login_held_back', { minutes: Math.ceil(step.heldBackSeconds / 60) })] });
            continue;
        }
        const hint = step.kind ? KIND_HINTS[step.kind] : undefined;
        const failed = t('status_step_failed', {
            ms: step.durationMs,
            kind: t(`status_kind_${step.kind ?? 'unexpected'}` as MessageKey),
            status: step.status ? ` (HTTP ${step.status})` : '',
        });
        fields.push({ label: name, values: [hint ? `${failed} ${t(hint)}` : failed] });
    }
    return fields;
}
