package io.github.canonicalstore.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.canonicalstore.it.model.Shelf;
import io.github.canonicalstore.it.model.Shop;
import io.github.canonicalstore.it.model.Slot;
import io.github.canonicalstore.it.model.Ticket;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityNotFoundException;
import java.util.List;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #9, merges and persists that cascade to new entities: one whose composite id holds an association to an
 * entity not persisted yet (its generated id not assigned yet) is written as in plain Hibernate, and a merged
 * canonical instance whose collection gained new entities never has them written twice.
 */
class MergeCascadeTest extends PersistenceUnitTest {

    @Override
    protected String unit() {
        return "store-composite";
    }

    @BeforeEach
    @Override
    void reseed() {
        run(em -> {
            em.createQuery("delete from Ticket").executeUpdate();
            em.createQuery("delete from Slot").executeUpdate();
            em.createQuery("delete from Shelf").executeUpdate();
            em.createQuery("delete from Shop").executeUpdate();
            em.persist(new Shop(1L, "Corner"));
        });
        store().evictAll();
    }

    // Hibernate instantiates the copy of a new entity under its unsaved id (0 for a primitive id): that is no row, and
    // must not become the canonical instance of "row 0", which every later new entity's cascade would then run into
    @Test
    void mergesOfNewEntitiesWithAPrimitiveIdAreAllInserted() {
        Ticket first = inTx(em -> em.merge(new Ticket("first")));
        Ticket second = inTx(em -> em.merge(new Ticket("second")));
        assertThat(store().find(Ticket.class, 0L)).isEmpty();
        assertThat(first.getId()).isNotEqualTo(second.getId());
        List<String> subjects = inTx(em -> em.createQuery("select t.subject from Ticket t order by t.subject",
                String.class).getResultList());
        assertThat(subjects).containsExactly("first", "second");
    }

    // initialising a reference to a row that does not exist fails, and leaves an initialised proxy without a target
    // in the canonical instance; the next session that loads the instance walks its graph and must pass it by
    @Test
    void anInstanceHoldingAProxyOfAMissingRowIsLoadedAgain() {
        long id = 1000;
        run(em -> em.createNativeQuery("insert into it_ticket (id, subject, shop_id) values (1000, 'lost shop', 99)")
                .executeUpdate());
        Ticket held;
        try (EntityManager em = emf.createEntityManager()) {
            held = em.find(Ticket.class, id);
            assertThatThrownBy(() -> Hibernate.initialize(held.getShop())).isInstanceOf(EntityNotFoundException.class);
        }
        Ticket again = inTx(em -> em.find(Ticket.class, id));
        assertThat(again).isSameAs(held);
    }

    @Test
    void mergeCascadesToANewEntityWhoseIdHoldsANewEntity() {
        run(em -> {
            Shop shop = em.find(Shop.class, 1L);
            new Slot(new Shelf("A", shop), 1, "tea");
            em.merge(shop);
        });
        assertShelfWithOneSlot("A", "tea");
    }

    @Test
    void persistCascadesToANewEntityWhoseIdHoldsANewEntity() {
        run(em -> {
            Shop shop = new Shop(2L, "Kiosk");
            new Slot(new Shelf("B", shop), 1, "coffee");
            em.persist(shop);
        });
        Shop shop = find(Shop.class, 2L);
        inTx(em -> {
            Shop again = em.find(Shop.class, 2L);
            assertThat(again).isSameAs(shop);
            assertThat(again.getShelves()).extracting(Shelf::getLabel).containsExactly("B");
            return again;
        });
    }

    // rule 4: a merged canonical instance whose collection the application changed holds, after the commit, the
    // new children the merge copied (not the rows that committed): it stops being canonical, so no other session
    // takes it over and flushes those children a second time; the next load makes a new canonical instance
    @Test
    void aMergedCanonicalShopWhoseCollectionChangedMakesWayForANewCanonicalInstance() {
        Shop held = inTx(em -> {
            Shop shop = em.find(Shop.class, 1L);
            assertThat(shop.getShelves()).isEmpty(); // initialised while the session is open
            return shop;
        });
        new Slot(new Shelf("C", held), 2, "sugar");
        run(em -> em.merge(held));
        assertShelfWithOneSlot("C", "sugar");

        long isolations = store().statistics().isolations();
        Shop next = find(Shop.class, 1L);
        assertThat(next).isNotSameAs(held);
        assertThat(find(Shop.class, 1L)).isSameAs(next);
        assertThat(store().statistics().isolations()).isEqualTo(isolations);
        assertThat(shelfRows()).isEqualTo(1L);
    }

    // the same merge rolled back: the changed collection is still an uncommitted edit, which no load hands out
    @Test
    void aRolledBackMergeLeavesTheChangedShopCanonicalAndPrivateToItsHolder() {
        Shop held = inTx(em -> {
            Shop shop = em.find(Shop.class, 1L);
            assertThat(shop.getShelves()).isEmpty();
            return shop;
        });
        new Slot(new Shelf("D", held), 3, "salt");
        try (var em = emf.createEntityManager()) {
            em.getTransaction().begin();
            em.merge(held);
            em.flush();
            em.getTransaction().rollback();
        }
        assertThat(store().find(Shop.class, 1L)).containsSame(held);
        assertThat(find(Shop.class, 1L)).isNotSameAs(held);
        assertThat(shelfRows()).isZero();
    }

    private long shelfRows() {
        return inTx(em -> em.createQuery("select count(s) from Shelf s", Long.class).getSingleResult());
    }

    private void assertShelfWithOneSlot(String label, String item) {
        inTx(em -> {
            Shop shop = em.find(Shop.class, 1L);
            assertThat(shop.getShelves()).extracting(Shelf::getLabel).containsExactly(label);
            Shelf shelf = shop.getShelves().get(0);
            assertThat(shelf.getSlots()).extracting(Slot::getItem).containsExactly(item);
            assertThat(shelf.getSlots().get(0).getShelf()).isSameAs(shelf);
            return shop;
        });
    }
}
