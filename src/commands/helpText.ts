import type { Translate } from '../i18n/translator';

export const helpText = (t: Translate): string =>
    [
        t('help_title'),
        t('help_default'),
        t('help_visitor_id'),
        t('help_refresh'),
        t('help_link'),
        t('help_unlink'),
        t('help_status'),
        t('help_help'),
    ]
        .map((line, index) => (index === 0 ? line : `• ${line}`))
        .join('\n');
