import { CopyButton } from '../../components/CopyButton.tsx';

/** The connector agent's install commands, numbered, each with a copy button (and all at once). */
export function InstallCommands({ commands }: { commands: readonly string[] }) {
  return (
    <>
      <ol aria-label="Install commands" className="flex flex-col gap-3">
        {commands.map((command, index) => (
          <li key={command} className="flex flex-col gap-1">
            <div className="flex items-center gap-2">
              <span className="text-xs font-semibold text-fg-muted">Command {index + 1}</span>
              <CopyButton text={command} label={`Copy command ${index + 1}`} />
            </div>
            <pre className="overflow-x-auto rounded-md border border-line bg-surface-muted p-3 text-xs">
              <code>{command}</code>
            </pre>
          </li>
        ))}
      </ol>
      {commands.length > 1 && (
        <div className="flex items-center gap-2">
          <span className="text-sm">All commands</span>
          <CopyButton text={commands.join('\n')} label="Copy all commands" />
        </div>
      )}
    </>
  );
}
