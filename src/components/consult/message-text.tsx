import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { RISKY_LINK_WARNING } from '../../../contract/consult/items';
import { tappableHref } from '../../../contract/consult/links';

interface Link {
  start: number;
  end: number;
  safe: boolean;
}

function openLink(url: string): void {
  // SEC: only http(s) ever opens, whatever the server said (an older server judged hosts only).
  const href = tappableHref(url);
  // H5 opens it in a new tab (no opener); a mini-program cannot open web pages: copy it.
  if (process.env.TARO_ENV === 'h5') {
    if (href) window.open(href, '_blank', 'noopener,noreferrer');
  } else void Taro.setClipboardData({ data: url });
}

function SafeLink({ url }: { url: string }) {
  return (
    <Text className="msg-link" onClick={() => openLink(url)}>
      {url}
    </Text>
  );
}

/**
 * CS: message text with the server's link verdicts. Unsafe links stay plain text — never
 * tappable — and the warning sits under the bubble.
 */
export function MessageText({ text, links }: { text: string; links: readonly Link[] }) {
  const parts: JSX.Element[] = [];
  let at = 0;
  const sorted = [...links].sort((a, b) => a.start - b.start);
  sorted.forEach((link, i) => {
    if (link.start < at || link.end > text.length) return;
    if (link.start > at) parts.push(<Text key={`t${i}`}>{text.slice(at, link.start)}</Text>);
    const url = text.slice(link.start, link.end);
    parts.push(
      link.safe && tappableHref(url) !== null ? (
        <SafeLink key={`l${i}`} url={url} />
      ) : (
        <Text key={`r${i}`} className="msg-link--risky">
          {url}
        </Text>
      ),
    );
    at = link.end;
  });
  if (at < text.length) parts.push(<Text key="end">{text.slice(at)}</Text>);
  return (
    <View className="msg-text">
      <Text userSelect>{parts}</Text>
      {links.some((l) => !l.safe) ? (
        <View className="msg-warning" role="alert">
          {RISKY_LINK_WARNING}
        </View>
      ) : null}
    </View>
  );
}
