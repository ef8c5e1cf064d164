import type { MessageKey } from '../i18n/languages';
import type { Translate } from '../i18n/translator';
import type { WarmUpReport } from '../liveperson/SessionStore';
import type { AppConfig, SettingProblem } from '../settings/AppConfig';
import { settingLabelKey } from '../settings/settingDefinitions';
import { SettingId } from '../settings/SettingId';

/** Values of these settings are never echoed, only whether they are set. */
const SECRET_SETTINGS: ReadonlySet<SettingId> = new Set([
    SettingId.Password,
    SettingId.AppKey,
    SettingId.AppSecret,
    SettingId.AccessToken,
    SettingId.AccessTokenSecret,
]);

const KIND_HINTS: Partial<Record<string, MessageKey>> = {
    auth: 'status_kind_hint_auth',
    misconfigured: 'status_kind_hint_misconfigured',
    forbidden: 'status_kind_hint_forbidden',
    unavailable: 'status_kind_hint_unavailable',
    timeout: 'status_kind_hint_timeout',
    rateLimited: 'status_kind_hint_rateLimited',
    invalidResponse: 'status_kind_hint_invalidResponse',
};

const label = (id: SettingId, t: Translate) => t(settingLabelKey(id) as MessageKey);

export function problemText(problem: SettingProblem, t: Translate): string {
    return t(`problem_${problem.code}` as MessageKey, {
        setting: label(problem.settingId, t),
        min: problem.range?.min ?? '',
        max: problem.range?.max ?? '',
    });
}

/** Pure: every setting in plain words, then the live test and the last background connection. Never a secret. */
export function statusReport(raw: Partial<Record<SettingId, unknown>>, config: AppConfig, test: WarmUpReport | undefined, lastWarmUp: WarmUpReport | undefined, t: Translate): string {
    const lines = [`*${t('status_title')}*`, '', `*${t('status_settings')}*`];
    for (const id of Object.values(SettingId)) {
        const problems = config.problems.filter((problem) => problem.settingId === id);
        if (problems.length > 0) {
            lines.push(...problems.map((problem) => `⚠️ ${problemText(problem, t)}`));
            continue;
        }
        const value = raw[id];
        const blank = value === undefined || value === null || String(value).trim() === '';
        if (blank) {
            lines.push(`• ${t('status_setting_blank', { setting: label(id, t) })}`);
        } else if (SECRET_SETTINGS.has(id)) {
            lines.push(`✅ ${t('status_setting_ok', { setting: label(id, t) })}`);
        } else {
            lines.push(`✅ ${t('status_setting_value', { setting: label(id, t), value: String(value) })}`);
        }
    }

    lines.push('', `*${t('status_connection')}*`);
    if (config.readiness === 'notConfigured') {
        lines.push(t('status_not_configured'));
    } else if (test) {
        if (config.livePerson?.domainOverride) {
            lines.push(`• ${t('status_domain_override', { domain: config.livePerson.domainOverride })}`);
        }
        lines.push(...stepLines(test, t));
    }
    lines.push('', lastWarmUp ? warmUpLine(lastWarmUp, t) : t('status_no_warm_up'));
    return lines.join('\n');
}

function stepLines(report: WarmUpReport, t: Translate): string[] {
    return report.steps.flatMap((step) => {
        const name = t(`status_step_${step.step}` as MessageKey);
        if (step.ok) {
            return [`✅ ${t('status_step_ok', { step: name, ms: step.durationMs })}`];
        }
        const line = `❌ ${t('status_step_failed', { step: name, ms: step.durationMs, kind: step.kind ?? '', status: step.status ? `, HTTP ${step.status}` : '' })}`;
        const hint = step.kind ? KIND_HINTS[step.kind] : undefined;
        return hint ? [line, `   ${t(hint)}`] : [line];
    });
}

function warmUpLine(report: WarmUpReport, t: Translate): string {
    return t('status_last_warm_up', {
        outcome: t(report.ok ? 'status_warm_up_ok' : 'status_warm_up_failed'),
        time: `${new Date(report.at).toISOString().slice(0, 19).replace('T', ' ')} UTC`,
    });
}
