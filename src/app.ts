import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { ensureCloud } from './platform/cloud';
import './app.css';

function App({ children }: PropsWithChildren) {
  // The transport also calls ensureCloud() lazily; doing it at launch keeps the first
  // request from paying for initialisation.
  useLaunch(() => ensureCloud());
  return children;
}

export default App;
