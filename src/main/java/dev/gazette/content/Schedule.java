package dev.gazette.content;

import java.time.ZonedDateTime;

/**
 * When the published site next changes by itself: the next scheduled article going live and the next article
 * expiring, so an operator can schedule the next build. Either may be null.
 */
public record Schedule(Article nextToPublish, ZonedDateTime publishAt, Article nextToExpire, ZonedDateTime expireAt) {

    public static final Schedule NONE = new Schedule(null, null, null, null);

    public boolean isEmpty() {
        return nextToPublish == null && nextToExpire == null;
    }
}
