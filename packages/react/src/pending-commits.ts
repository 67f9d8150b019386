/** Commits that typing has not yet handed to JSON Forms; flushed before saving or submitting. */
export class PendingCommits {
  private readonly commits = new Set<() => void>();
  add(commit: () => void): void {
    this.commits.add(commit);
  }
  delete(commit: () => void): void {
    this.commits.delete(commit);
  }
  flush(): void {
    for (const commit of [...this.commits]) commit();
  }
}
