// A modal dialog on the native <dialog>: it traps focus, closes on Escape and
// gives focus back to what opened it.

import { useEffect, useRef, type ReactNode } from 'react';

interface DialogProps {
  readonly title: string;
  readonly onClose: () => void;
  /** Opens on its first lines, not on its first control (a dialog to read before deciding, even at 200 % zoom). */
  readonly readFirst?: boolean;
  readonly children: ReactNode;
}

export function Dialog({ title, onClose, readFirst, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement as HTMLElement | null;
    dialog?.showModal();
    if (dialog && readFirst) {
      dialog.focus();
      dialog.scrollTop = 0;
    }
    return () => {
      dialog?.close();
      opener?.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      tabIndex={readFirst ? -1 : undefined}
      aria-labelledby="dialog-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id="dialog-title">{title}</h2>
      {children}
    </dialog>
  );
}
