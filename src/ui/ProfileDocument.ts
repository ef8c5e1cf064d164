/**
 * A renderer-neutral page about one visitor: the panel draws it as contextual bar blocks, the no-panel
 * fallback as message blocks. Labels, titles and sentences are the app's own words; `value`s are data.
 */
type Severity = 'success' | 'info' | 'warning' | 'danger';

export interface ProfileDocument {
    title: string;
    header: DocumentHeader;
    /** Things the agent must notice beyond the header's state: a refresh that failed, a partial record. */
    notices: DocumentNotice[];
    sections: DocumentSection[];
    /** Behind the "Technical details" toggle: ids, external ids, where the participant id came from. */
    technical: DocumentSection;
    footnotes: string[];
}

interface DocumentHeader {
    /** The name to greet the visitor with. */
    name: string;
    /** The other source's name, when it differs. */
    alsoKnownAs?: string;
    state: DocumentNotice;
    /** The ways to reach the visitor, from both sources, without repeats. */
    reach: DocumentField[];
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
}

export interface DocumentField {
    label: string;
    /** Several values are shown one per line. */
    values: string[];
    /** The label is data too (a custom field's name, which the host or an integration chose): shown as text, never bold. */
    labelIsData?: boolean;
}
