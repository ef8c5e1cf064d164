import type { LayoutBlock } from '@rocket.chat/ui-kit';

import { cut } from '../bounded';
import type { MessageKey } from '../i18n/languages';
import type { ConnectionReport } from '../liveperson/connection';
import type { LivePersonFailure } from '../liveperson/failures';
import type { Directory } from '../liveperson/Directory';
import type { Lookup } from '../liveperson/model';
import type { AppConfig, SettingProblem } from '../settings/AppConfig';
import { optionLabelKey, SECRET_SETTINGS, SETTINGS, settingLabelKey } from '../settings/settingDefinitions';
import type { SettingId } from '../settings/SettingId';
import { fieldBlocks } from '../ui/fieldBlocks';
import type { Viewer } from '../ui/formatting';
import { maskValue } from '../ui/mask';
import type { DocumentField } from '../ui/ProfileDocument';
import { customerSection, unreadableText } from '../ui/sections';
import { sourceText } from '../ui/stateNotice';
import { label, plain } from '../ui/text';
import type { ParticipantSource, Trust } from '../visitor/participantChoice';

/** The profile `/visitorinfo status <id>` fetched: for whom, by which route, and what came back. */
export interface ProfileProbe {
    target: string;
    /** The id named a Rocket.Chat visitor (else it was taken as a LivePerson id). */
    visitor: boolean;
    source?: ParticipantSource;
    trust?: Trust;
    lookup?: Lookup;
}

interface StatusInput {
    config: AppConfig;
    viewer: Viewer;
    report?: ConnectionReport;
    probe?: ProfileProbe;
    restraint: Directory['restraint'];
}

const settingLabel = (id: string, viewer: Viewer) => viewer.t(settingLabelKey(id) as MessageKey);

function problemText(problem: SettingProblem, viewer: Viewer): string {
    return viewer.t(`problem_${problem.code}` as MessageKey, {
        setting: settingLabel(problem.settingId, viewer),
        min: problem.range?.min ?? '',
        max: problem.range?.max ?? '',
    });
}

/**
 * Pure: every setting by its label and its value in words, the live test step by step, the profile asked for
 * (masked as the panel masks it), and, last, whatever holds LivePerson calls back now. A secret's value is never
 * shown, only whether it is set.
 */
export function statusMessage({ config, viewer, report, probe, restraint }: StatusInput): { text: string; blocks: LayoutBlock[] } {
    const { t } = viewer;
    const settings: DocumentField[] = SETTINGS.map((setting) => {
        const problems = config.problems.filter((problem) => problem.settingId === (setting.id as SettingId));
        const value =
            problems.length > 0
                ? problems.map((problem) => `${t(problem.warning ? 'status_warning' : 'status_problem')}: ${problemText(problem, viewer)}`).join(' ')
                : valueInWords(setting.id, config.raw[setting.id as SettingId], viewer);
        return { label: settingLabel(setting.id, viewer), values: [value] };
    });
    const connection: DocumentField[] =
        config.readiness === 'notConfigured' ? [{ label: t('status_connection'), values: [t('status_not_configured')] }] : stepFields(report, config, viewer);
    const profile = probe ? probeFields(probe, config, viewer) : [];
    const last = restraintText(restraint, viewer);
    const blocks: LayoutBlock[] = [
        { type: 'section', blockId: 'status-title', text: label(t('status_title')) },
        { type: 'section', blockId: 'status-settings', text: label(t('status_settings')) },
        ...fieldBlocks(settings, 'status-settings'),
        { type: 'section', blockId: 'status-connection', text: label(t('status_connection')) },
        ...fieldBlocks(connection, 'status-connection'),
        ...(probe
            ? [{ type: 'section' as const, blockId: 'status-profile', text: label(t('status_profile')) }, ...fieldBlocks(profile, 'status-profile')]
            : []),
        { type: 'context', blockId: 'status-last', elements: [plain(last)] },
    ];
    const lines = [t('status_title'), ...[...settings, ...connection, ...profile].map((field) => `${field.label}: ${field.values.join(' ')}`), last];
    return { text: lines.join('\n'), blocks };
}

function valueInWords(id: string, value: unknown, viewer: Viewer): string {
    const { t } = viewer;
    if (value === undefined || value === null || String(value).trim() === '') return t('status_value_not_set');
    if (SECRET_SETTINGS.has(id)) return t('status_value_set');
    if (typeof value === 'boolean' || value === 'true' || value === 'false') return t(value === true || value === 'true' ? 'word_yes' : 'word_no');
    const setting = SETTINGS.find((candidate) => candidate.id === id);
    if (setting?.values?.some((option) => option.key === value)) return t(optionLabelKey(id, String(value)) as MessageKey);
    return cut(String(value), 120);
}

function stepFields(report: ConnectionReport | undefined, config: AppConfig, viewer: Viewer): DocumentField[] {
    const { t } = viewer;
    const fields: DocumentField[] = [];
    if (config.livePerson?.domainOverride)
        fields.push({ label: t('status_step_domain'), values: [t('status_domain_override', { domain: config.livePerson.domainOverride })] });
    for (const step of report?.steps ?? []) {
        const failure = step.failure;
        const outcome = step.ok
            ? t('status_step_ok', { ms: step.durationMs })
            : t('status_step_failed', { ms: step.durationMs, kind: kindWords(failure, viewer), status: failure?.status ? ` (HTTP ${failure.status})` : '' });
        const hint = !step.ok && failure ? KIND_HINTS[failure.kind] : undefined;
        fields.push({ label: t(`status_step_${step.step}` as MessageKey), values: [hint ? `${outcome} ${t(hint)}` : outcome] });
    }
    return fields;
}

const KIND_HINTS: Partial<Record<string, MessageKey>> = {
    auth: 'status_kind_hint_auth',
    heldBack: 'status_kind_hint_held_back',
    misconfigured: 'status_kind_hint_misconfigured',
    forbidden: 'status_kind_hint_forbidden',
    unavailable: 'status_kind_hint_unavailable',
    timeout: 'status_kind_hint_timeout',
    rateLimited: 'status_kind_hint_rateLimited',
    invalidResponse: 'status_kind_hint_invalidResponse',
};

function probeFields(probe: ProfileProbe, config: AppConfig, viewer: Viewer): DocumentField[] {
    const { t } = viewer;
    const masked = (value: string) => cut(config.maskPii ? maskValue(value, 'identifier') : value, 40);
    const fields: DocumentField[] = [{ label: t(probe.visitor ? 'status_probe_visitor' : 'status_probe_liveperson_id'), values: [masked(probe.target)] }];
    fields.push({
        label: t('field_participant_source'),
        values: [probe.source ? sourceText(probe.source, viewer) : t(probe.visitor ? 'status_probe_no_id' : 'status_probe_typed')],
    });
    if (probe.trust) fields.push({ label: t('field_identity_checked'), values: [t(`trust_${probe.trust}` as MessageKey)] });
    const lookup = probe.lookup;
    if (!lookup) return fields;
    if (!lookup.ok) return [...fields, { label: t('status_probe_result'), values: [t('status_probe_failed', { kind: kindWords(lookup.failure, viewer) })] }];
    const { answer } = lookup;
    const received = customerSection(answer.profile, {}, { ...config, historyCount: 0 }, viewer).fields;
    return [
        ...fields,
        {
            label: t('status_probe_result'),
            values: [
                t('status_probe_received', {
                    fields: received.length,
                    conversations: answer.conversations.length + (answer.olderConversations ?? 0),
                    activity: answer.activity.length,
                }),
            ],
        },
        ...received,
        ...(answer.profile?.unreadable.length ? [{ label: t('field_unreadable'), values: [unreadableText(answer.profile, viewer)] }] : []),
    ];
}

/** A failure in an admin's words: what kind, and for how long the app waits when it waits. */
function kindWords(failure: LivePersonFailure | undefined, viewer: Viewer): string {
    if (!failure) return viewer.t('status_kind_unexpected');
    return viewer.t(`status_kind_${failure.kind}` as MessageKey, {
        seconds: failure.retryAfterSeconds ?? 0,
        minutes: Math.ceil((failure.retryAfterSeconds ?? 0) / 60),
    });
}

/** The last line: what holds LivePerson calls back right now, since the admin's next test waits for it too. */
function restraintText(restraint: Directory['restraint'], viewer: Viewer): string {
    const { t } = viewer;
    if (!restraint) return t('status_no_wait');
    if (restraint.kind === 'heldBack') return t('status_wait_held_back');
    return t(restraint.cause === 'rateLimited' ? 'status_wait_rate_limited' : 'status_wait_breaker', { seconds: restraint.seconds });
}
