/** What a document may be attached to: a program (its agreement), a request, a claim or a claim line. */
export const DOCUMENT_OWNERS = ['program', 'request', 'claim', 'claim_line'] as const;
export type DocumentOwner = (typeof DOCUMENT_OWNERS)[number];
