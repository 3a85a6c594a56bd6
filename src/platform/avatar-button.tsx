import { Button } from '@tarojs/components';
import type { ReactNode } from 'react';

/**
 * The avatar's "change" button (CAM, ALB). In the browser (and jest) a plain button: the
 * page asks which source and goes through the permission and media helpers.
 */
export interface AvatarButtonProps {
  className?: string;
  children: ReactNode;
  /** No platform picker: the page offers camera/album itself. */
  onTap: () => void;
  /** The platform's own picker gave a file (WeChat's chooseAvatar). */
  onPicked: (path: string) => void;
}

export function AvatarButton({ className, children, onTap }: AvatarButtonProps) {
  return (
    <Button className={className} onClick={onTap}>
      {children}
    </Button>
  );
}
