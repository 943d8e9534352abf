package io.edumatrix.statistics.internal;

import io.edumatrix.community.MessagePosted;
import io.edumatrix.news.ArticlePublished;
import io.edumatrix.news.ArticleRetracted;
import io.edumatrix.platform.events.ModuleListener;
import org.springframework.stereotype.Component;

/** News articles published and retracted (a retracted article was published first), and room messages. */
@Component
class CommunicationListeners {

    private final Tally tally;
    private final LagMeter lag;

    CommunicationListeners(Tally tally, LagMeter lag) {
        this.tally = tally;
        this.lag = lag;
    }

    @ModuleListener("statistics")
    void on(ArticlePublished event) {
        tally.count(event, DailyMetric.ARTICLES_PUBLISHED);
        lag.observe(event);
    }

    @ModuleListener("statistics")
    void on(ArticleRetracted event) {
        tally.count(event, DailyMetric.ARTICLES_RETRACTED);
        lag.observe(event);
    }

    @ModuleListener("statistics")
    void on(MessagePosted event) {
        tally.count(event, DailyMetric.MESSAGES);
        lag.observe(event);
    }
}
