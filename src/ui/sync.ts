import { PAGE_PARAMS } from './page-schema.ts';
import type { Player, PlayerAction } from './player.ts';

/**
 * Windows that show one demo in step (`?sync=<name>`, and every live demo in the deck: the presenter
 * view and the audience window): whichever window the presenter drives, the others show the same
 * settings, step and play/pause. They talk over a BroadcastChannel named by the demo and the name,
 * which reaches the windows and frames of this origin only.
 *
 * One window plays (the leader): the one where Play was pressed, or where a setting was first changed.
 * The others follow: they take every state it sends and play nothing themselves; their play, pause,
 * step and reset go to the leader (player.ts `follow`). A setting changed in any window goes to all.
 * A demo whose state is more than its settings (the training lab's runs) gives a `Mirror`: the leader
 * sends its news (each report), and the followers show it instead of training a copy of their own.
 * A window that opens later asks, and the leader answers with its state and a snapshot.
 */
export interface Mirror {
  /** Leader's side: `send` is to be called with each piece of news a follower needs. */
  publish(send: (news: unknown) => void): void;
  /** Everything a window that joins late needs to show what the leader shows. */
  snapshot(): unknown;
  /** Follower's side: news from the leader, and a late joiner's snapshot. */
  receive(news: unknown): void;
  restore(snapshot: unknown): void;
}

/** What a synced page gives: its settings (a subset of its URL state) and its player. */
export interface SyncedDemo {
  readonly channel: string;
  get(): Readonly<Record<string, unknown>>;
  /** Applies settings from another window (no history entry). */
  set(params: Readonly<Record<string, unknown>>): void;
  subscribe(listener: () => void): void;
  readonly player: Player | undefined;
  readonly mirror: Mirror | undefined;
}

type Message =
  | { readonly type: 'hello'; readonly from: string }
  | {
      readonly type: 'state';
      readonly from: string;
      /** The window that plays, as the sender knows it. */
      readonly leader: string;
      readonly params: Readonly<Record<string, unknown>>;
      readonly playing: boolean;
      readonly snapshot?: unknown;
    }
  | { readonly type: 'act'; readonly from: string; readonly to: string; readonly action: PlayerAction }
  | { readonly type: 'news'; readonly from: string; readonly news: unknown }
  | { readonly type: 'bye'; readonly from: string };
type StateMessage = Extract<Message, { type: 'state' }>;

/** The channel's name for a demo and a sync name: one demo's windows never hear another's. */
export const syncChannelName = (demo: string, name: string): string => `relu-deck-sync/${demo}/${name}`;

/** The settings a window shares: its URL state without the page's own parameters (language, back slide, layout). */
export function sharedParams(state: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(state).filter(([name]) => !PAGE_PARAMS.includes(name)));
}

export function joinSync(demo: SyncedDemo): void {
  const channel = new BroadcastChannel(demo.channel);
  // Not crypto.randomUUID: a page served over plain http to a phone on the LAN is no secure context.
  const self = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  const { player, mirror } = demo;
  let leader: string | null = null;
  /** Set while another window's state is applied: the changes it causes are not news to send back. */
  let applying = false;
  let sent = '';

  const post = (message: Message) => channel.postMessage(message);
  const stateMessage = (withSnapshot: boolean): StateMessage => ({
    type: 'state',
    from: self,
    leader: leader ?? self,
    params: demo.get(),
    playing: player?.playing ?? false,
    ...(withSnapshot && mirror ? { snapshot: mirror.snapshot() } : {}),
  });
  const announce = () => {
    if (applying) return;
    const message = stateMessage(false);
    const key = JSON.stringify([message.params, message.playing]);
    if (key === sent) return;
    sent = key;
    // A change made here with nobody playing makes this window the one that plays.
    leader ??= self;
    post({ ...message, leader });
  };
  const followLeader = (playing: boolean) => {
    const to = leader;
    if (to === null || to === self) return player?.follow(null);
    player?.follow({ playing, act: (action) => post({ type: 'act', from: self, to, action }) });
  };
  const apply = (message: StateMessage) => {
    applying = true;
    try {
      demo.set(message.params);
      if (message.leader !== self) followLeader(message.playing);
      if (message.snapshot !== undefined) mirror?.restore(message.snapshot);
    } finally {
      applying = false;
    }
    sent = JSON.stringify([demo.get(), player?.playing ?? false]);
  };

  channel.onmessage = ({ data }: MessageEvent<Message>) => {
    switch (data.type) {
      case 'hello':
        if (leader === self) post(stateMessage(true));
        break;
      case 'state':
        // Two windows that started playing at once: the smaller name plays, the other follows it.
        if (leader === self && data.leader !== self && data.leader > self) {
          post(stateMessage(false));
          break;
        }
        leader = data.leader;
        apply(data);
        break;
      case 'act':
        // Done here as if pressed here; a window that has since begun to follow another passes it on.
        if (data.to === self) player?.[data.action]();
        break;
      case 'news':
        if (data.from === leader && leader !== self) mirror?.receive(data.news);
        break;
      case 'bye':
        if (data.from !== leader) break;
        leader = null;
        followLeader(false);
        break;
    }
  };

  demo.subscribe(announce);
  player?.subscribe(({ playing, following }) => {
    // Play pressed here (not on the leader's behalf): this window plays from now on.
    if (playing && !following && !applying) leader = self;
    announce();
  });
  mirror?.publish((news) => {
    if (leader === self) post({ type: 'news', from: self, news });
  });
  // A window closed, reloaded or (in the deck) a slide left: the followers play by themselves again.
  addEventListener(
    'pagehide',
    () => {
      if (leader === self) post({ type: 'bye', from: self });
      channel.close();
    },
    { once: true },
  );
  post({ type: 'hello', from: self });
}
