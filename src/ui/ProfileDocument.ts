/**
 * A renderer-neutral page about one visitor: the panel draws it as contextual bar blocks, the no-panel
 * fallback as message blocks. Labels, titles and sentences are the app's own words; values are data.
 */
type Severity = 'success' | 'info' | 'warning' | 'danger';

export interface ProfileDocument {
    /** The name to greet the visitor with: the strongest text of the page. */
    name: string;
    /** How far the LivePerson identity can be trusted, or why there is none: always first. */
    state: DocumentNotice;
    /** What else the agent must notice now: LivePerson failed, a Refresh that could not refresh, a partial record. */
    notices: DocumentNotice[];
    /** One email and one phone number, from both sources. */
    reach: DocumentField[];
    /** LivePerson's data for a visitor-editable id waits behind a button until the agent asks for it. */
    unverified: 'none' | 'hidden' | 'shown';
    /** Customer, activity and earlier conversations, each left out when empty. */
    sections: DocumentSection[];
    /** What Rocket.Chat's own Contact Info shows: collapsed. */
    hostFields: DocumentSection;
    /** Ids, external ids and where the LivePerson id came from: collapsed. */
    technical: DocumentSection;
    footnote: string;
}

export interface DocumentNotice {
    severity: Severity;
    title: string;
    /** App sentences and data together; drawn as plain text. */
    text: string;
    /** Only for real failures: the id that also appears in the app's log line. */
    reference?: string;
}

export interface DocumentSection {
    title: string;
    fields: DocumentField[];
    /** Items of a list (an activity, a conversation): a line in normal text, then its details in small text. */
    entries?: DocumentEntry[];
    /** A sentence about the list as a whole, in small text after it. */
    note?: string;
}

export interface DocumentField {
    label: string;
    /** Several values are shown one after the other. */
    values: string[];
    /** The label is data too (a custom field's name, which the host or an integration chose): shown as text, never bold. */
    labelIsData?: boolean;
}

export interface DocumentEntry {
    headline: string;
    details: string[];
}
