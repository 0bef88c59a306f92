package io.github.canonicalstore.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.canonicalstore.it.model.Book;
import org.junit.jupiter.api.Test;

/** The store composes with an application Interceptor configured in persistence.xml: both keep working. */
class InterceptorCompositionTest extends PersistenceUnitTest {

    @Override
    protected String unit() {
        return "store-interceptor";
    }

    @Test
    void theApplicationInterceptorSeesFlushesAndLoadsStayCanonical() {
        Book book = find(Book.class, 100L);
        int flushDirty = RecordingInterceptor.FLUSH_DIRTY.get();
        int preFlush = RecordingInterceptor.PRE_FLUSH.get();
        run(em -> em.find(Book.class, 100L).setTitle("Intercepted"));
        assertThat(RecordingInterceptor.FLUSH_DIRTY.get()).isEqualTo(flushDirty + 1);
        assertThat(RecordingInterceptor.PRE_FLUSH.get()).isGreaterThan(preFlush);
        assertThat(find(Book.class, 100L)).isSameAs(book);
        assertThat(book.getTitle()).isEqualTo("Intercepted");
    }
}
