package io.github.canonicalstore.it;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostCommitUpdateEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.persister.entity.EntityPersister;

/**
 * A test-only integrator (registered in the test resources' {@code META-INF/services}) that can hold one thread's
 * after-commit work before the store's: armed for a thread, that thread's next committed update waits at the gate
 * until the test opens it. Lets a test run two commits' after-commit work out of order. Idle unless armed.
 */
public final class PostCommitGate implements Integrator {
    private static volatile Thread armedFor;
    private static volatile CountDownLatch arrived = new CountDownLatch(1);
    private static volatile CountDownLatch open = new CountDownLatch(1);

    /** Holds the next committed update of {@code thread} until {@link #open()}. */
    static void arm(Thread thread) {
        arrived = new CountDownLatch(1);
        open = new CountDownLatch(1);
        armedFor = thread;
    }

    /** Waits until the armed thread's committed update has reached the gate. */
    static boolean awaitArrival(long seconds) throws InterruptedException {
        return arrived.await(seconds, TimeUnit.SECONDS);
    }

    /** Lets the held thread go on, and disarms the gate. */
    static void open() {
        armedFor = null;
        open.countDown();
    }

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
            SessionFactoryImplementor sessionFactory) {
        sessionFactory.getServiceRegistry().requireService(EventListenerRegistry.class)
                .prependListeners(EventType.POST_COMMIT_UPDATE, new Listener());
    }

    private static final class Listener implements PostCommitUpdateEventListener {
        private static final long serialVersionUID = 1L;

        @Override
        public void onPostUpdate(PostUpdateEvent event) {
            if (armedFor == Thread.currentThread()) {
                arrived.countDown();
                try {
                    if (!open.await(60, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the post-commit gate was never opened");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void onPostUpdateCommitFailed(PostUpdateEvent event) {
        }

        @Override
        public boolean requiresPostCommitHandling(EntityPersister persister) {
            return true;
        }
    }
}
