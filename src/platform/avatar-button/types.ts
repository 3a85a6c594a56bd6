import type { ReactNode } from 'react';

/** What both twins take (the page never knows which one it got). */
export interface AvatarButtonProps {
  className?: string;
  children: ReactNode;
  /** No platform picker: the page offers camera/album itself. */
  onTap: () => void;
  /** The platform's own picker gave a file (WeChat's chooseAvatar). */
  onPicked: (path: string) => void;
}
