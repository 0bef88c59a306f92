/**
 * How the store plugs into Hibernate ORM 7.2 to 7.4.
 *
 * <h2>Glossary</h2>
 * <dl>
 *   <dt>canonical instance</dt><dd>the one Java object the store hands out for an entity key
 *       {@code (scope, tenant identifier, root entity, id)} ({@link io.github.canonicalstore.internal.hibernate.EntityRef});
 *       an entry of the {@link io.github.canonicalstore.internal.store.CanonicalMap}, held weakly.</dd>
 *   <dt>owner</dt><dd>the open session whose persistence context manages a canonical instance
 *       ({@link io.github.canonicalstore.internal.hibernate.SessionOwner}, one per session). At most one at a time
 *       (rule 3).</dd>
 *   <dt>claim</dt><dd>a session becoming an instance's owner during a load: a <em>hit</em> takes over a live
 *       instance, a <em>miss</em> creates one; a refused claim hands the session a <em>private instance</em>.</dd>
 *   <dt>admission</dt><dd>the check a claim of a live instance must pass: not attached to another persistence
 *       context, no pending edits (rule 4), no newer commit than the load's statement (rule 2)
 *       ({@link io.github.canonicalstore.internal.hibernate.EntityBinding#refuses}).</dd>
 *   <dt>attachment</dt><dd>what the store keeps with an entry: the row's committed state as a snapshot
 *       ({@link io.github.canonicalstore.internal.hibernate.RowState}), the counterpart of Hibernate's
 *       <em>loaded state</em> in an entity entry, but kept across sessions and holding identifiers, not entities.</dd>
 *   <dt>pending edits</dt><dd>a detached canonical instance whose state differs from its attachment.</dd>
 *   <dt>epoch</dt><dd>a counter of commits the store has seen; a statement that began at an older epoch may read
 *       rows older than an instance's state (rule 2).</dd>
 *   <dt>reattach</dt><dd>binding an instance's collections and lazy references to the session that took it over
 *       ({@link io.github.canonicalstore.internal.hibernate.Reattachment}).</dd>
 *   <dt>scope</dt><dd>the client a session works for (rule 12), from the configured
 *       {@link io.github.canonicalstore.CanonicalScopeResolver}; {@code null} is the factory scope.</dd>
 * </dl>
 *
 * <h2>Bootstrap</h2>
 * {@link io.github.canonicalstore.internal.hibernate.StoreContributor} (found through {@code META-INF/services})
 * installs, when the store is enabled, the store's persisters
 * ({@link io.github.canonicalstore.internal.hibernate.CanonicalPersisterClassResolver}: one subclass of Hibernate's
 * persister per inheritance strategy), a transaction-coordinator builder that tells the store about every session
 * that opens ({@link io.github.canonicalstore.internal.hibernate.SessionOpeningBuilder}), and the
 * {@link io.github.canonicalstore.internal.hibernate.HibernateCanonicalStore} service of the SessionFactory.
 * {@link io.github.canonicalstore.internal.hibernate.CanonicalStoreIntegrator} adds the event listeners
 * ({@link io.github.canonicalstore.internal.hibernate.StoreListeners},
 * {@link io.github.canonicalstore.internal.hibernate.LazyLoadGuard}).
 *
 * <h2>One load</h2>
 * <ol>
 *   <li>A session opens: {@code SessionOpeningBuilder} → {@code SessionOwners.opened} creates its
 *       {@code SessionOwner}, asking the scope resolver on the opening thread.</li>
 *   <li>Hibernate reads a row and asks the persister for an instance: {@code Canonical*EntityPersister.instantiate}
 *       → {@code PersisterSupport.instantiate} → {@link io.github.canonicalstore.internal.hibernate.LoadPath#instantiate}:
 *       key, {@code CanonicalMap.claim} with the binding's admission; a hit is prepared by
 *       {@code Reattachment.prepare}.</li>
 *   <li>On Hibernate 7.4, for a query or load by id of a versioned entity, the row's version is read first
 *       ({@link io.github.canonicalstore.internal.hibernate.UnchangedRowInitializer}, made by the persister's
 *       {@code createDomainResult}): a hit whose snapshot has that version is registered with the session as it is
 *       ({@code LoadPath.keepUnchanged} → {@code UnchangedRows.keep}) and the row is not hydrated.</li>
 *   <li>Otherwise Hibernate writes the row's state: {@code setValues} → {@code LoadPath.writeLoaded} →
 *       {@code HitWrites.writeChanges} writes into a hit only what changed (rule 11).</li>
 *   <li>Hibernate reports the load (POST_LOAD): {@code StoreListeners.AfterLoad} → {@code LoadPath.afterLoad}
 *       records the snapshot of a miss or of a changed hit.</li>
 *   <li>The session clears, evicts or closes: {@code StoreListeners.Clear}/{@code Evict} and
 *       {@code SessionOwner.end} let go of its claims.</li>
 * </ol>
 *
 * <h2>One commit</h2>
 * <ol>
 *   <li>From its first claim on, a session's transactions are followed by its
 *       {@link io.github.canonicalstore.internal.hibernate.TransactionWork} (a {@code Synchronization}).</li>
 *   <li>Hibernate commits and reports each update and delete after commit: {@code StoreListeners.UpdateCommitted}
 *       and {@code DeleteCommitted} → {@link io.github.canonicalstore.internal.hibernate.TransactionOutcomes}: the new
 *       snapshot of a canonical instance that committed, the committed state written into the canonical instances of
 *       every scope that another instance committed for (rule 5), committed deletes removed (rule 6).</li>
 *   <li>{@code TransactionWork} then records versions that a lock incremented; on rollback it calls
 *       {@code TransactionOutcomes.restoreAfterRollback} for every instance the session held in the transaction
 *       (rule 6).</li>
 * </ol>
 */
@NullMarked
package io.github.canonicalstore.internal.hibernate;

import org.jspecify.annotations.NullMarked;
