// The register form's text fields as the API wants them: scopes and redirect URIs are typed
// one per line or separated by spaces or commas.

export function splitList(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).filter((s) => s !== ''))];
}

/** Whether a platform admin still has to approve the client's sensitive scopes. */
export function awaitsApproval(client: { justification?: string | null; sensitiveApprovedAt?: string | null }): boolean {
  return client.justification != null && client.justification !== '' && client.sensitiveApprovedAt == null;
}
