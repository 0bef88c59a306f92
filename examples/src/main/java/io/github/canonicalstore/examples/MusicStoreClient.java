package io.github.canonicalstore.examples;

import io.github.canonicalstore.examples.chinook.Album;
import io.github.canonicalstore.examples.chinook.ChinookEntity;
import io.github.canonicalstore.examples.chinook.Customer;
import io.github.canonicalstore.examples.chinook.Employee;
import io.github.canonicalstore.examples.chinook.Genre;
import io.github.canonicalstore.examples.chinook.Invoice;
import io.github.canonicalstore.examples.chinook.InvoiceLine;
import io.github.canonicalstore.examples.chinook.Playlist;
import io.github.canonicalstore.examples.chinook.Track;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.Hibernate;

/**
 * A desktop-style client of the music store: session-per-request. Each request opens its own EntityManager and
 * transaction, runs its queries, initialises inside the session the lazy associations it will show, and returns
 * what it keeps; after that the entities are detached.
 */
public final class MusicStoreClient {
    private final EntityManagerFactory factory;

    /**
     * A client of one factory.
     *
     * @param factory the EntityManagerFactory each request opens its EntityManager from
     */
    public MusicStoreClient(EntityManagerFactory factory) {
        this.factory = factory;
    }

    /**
     * Runs one request in a new EntityManager and transaction.
     *
     * @param index the request's position in the workload
     * @param request the request
     * @return what the client keeps
     */
    public Response execute(int index, Request request) {
        return factory.callInTransaction(em -> {
            Kept kept = new Kept();
            switch (request.kind()) {
                case TOP_TRACKS -> topTracks(em, request.country(), kept);
                case PLAYLIST_TRACKS -> playlistTracks(em, request.id(), kept);
                case CUSTOMER_INVOICES -> customerInvoices(em, request.id(), kept);
                case ALBUMS_BY_ARTIST -> albumsByArtist(em, request.id(), kept);
                case GENRE_PAGE -> genrePage(em, request.id(), request.page(), kept);
                case EMPLOYEE_REPORTS -> employeeReports(em, request.id(), kept);
                case TRACK_BY_ID -> trackById(em, request.id(), kept);
            }
            return new Response(index, request, List.copyOf(kept.results), List.copyOf(kept.related));
        });
    }

    private static void topTracks(EntityManager em, String country, Kept kept) {
        List<Integer> ids = em.createQuery("""
                        select l.track.id from InvoiceLine l
                        where l.invoice.billingCountry = :country
                        group by l.track.id
                        order by sum(l.unitPrice * l.quantity) desc, l.track.id""", Integer.class)
                .setParameter("country", country)
                .setMaxResults(10)
                .getResultList();
        if (ids.isEmpty()) {
            return;
        }
        Map<Integer, Track> byId = em.createQuery(
                        "select t from Track t left join fetch t.album where t.id in :ids", Track.class)
                .setParameter("ids", ids)
                .getResultStream()
                .collect(Collectors.toMap(Track::getId, Function.identity()));
        for (Integer id : ids) {
            Track track = byId.get(id);
            kept.result(track);
            kept.related(track.getAlbum());
        }
    }

    private static void playlistTracks(EntityManager em, int playlistId, Kept kept) {
        Playlist playlist = em.createQuery("""
                        select p from Playlist p
                        left join fetch p.tracks t left join fetch t.album a left join fetch a.artist
                        where p.id = :id""", Playlist.class)
                .setParameter("id", playlistId)
                .getSingleResult();
        kept.related(playlist);
        List<Track> tracks = new ArrayList<>(playlist.getTracks());
        tracks.sort(Comparator.comparing(Track::getId));
        for (Track track : tracks) {
            kept.result(track);
            Album album = track.getAlbum();
            kept.related(album);
            if (album != null) {
                kept.related(album.getArtist());
            }
        }
    }

    private static void customerInvoices(EntityManager em, int customerId, Kept kept) {
        Customer customer = em.find(Customer.class, customerId);
        kept.result(customer);
        kept.related(customer.getSupportRep());
        List<Invoice> invoices = em.createQuery("""
                        select i from Invoice i join fetch i.lines l join fetch l.track
                        where i.customer.id = :id
                        order by i.invoiceDate, i.id""", Invoice.class)
                .setParameter("id", customerId)
                .getResultList();
        for (Invoice invoice : invoices) {
            kept.result(invoice);
            for (InvoiceLine line : invoice.getLines()) {
                kept.related(line);
                kept.related(line.getTrack());
            }
        }
    }

    private static void albumsByArtist(EntityManager em, int artistId, Kept kept) {
        List<Album> albums = em.createQuery(
                        "select a from Album a join fetch a.artist where a.artist.id = :id order by a.title, a.id",
                        Album.class)
                .setParameter("id", artistId)
                .getResultList();
        for (Album album : albums) {
            kept.result(album);
            kept.related(album.getArtist());
        }
    }

    private static void genrePage(EntityManager em, int genreId, int page, Kept kept) {
        Genre genre = em.find(Genre.class, genreId);
        kept.related(genre);
        List<Track> tracks = em.createQuery("""
                        select t from Track t
                        left join fetch t.album a left join fetch a.artist join fetch t.mediaType
                        where t.genre.id = :id
                        order by t.name, t.id""", Track.class)
                .setParameter("id", genreId)
                .setFirstResult(page * Request.PAGE_SIZE)
                .setMaxResults(Request.PAGE_SIZE)
                .getResultList();
        for (Track track : tracks) {
            kept.result(track);
            Album album = track.getAlbum();
            kept.related(album);
            if (album != null) {
                kept.related(album.getArtist());
            }
            kept.related(track.getMediaType());
        }
    }

    private static void employeeReports(EntityManager em, int employeeId, Kept kept) {
        Employee employee = em.find(Employee.class, employeeId);
        kept.result(employee);
        kept.related(employee.getReportsTo());
        em.createQuery("select e from Employee e where e.reportsTo.id = :id order by e.lastName, e.id",
                        Employee.class)
                .setParameter("id", employeeId)
                .getResultList()
                .forEach(kept::result);
    }

    private static void trackById(EntityManager em, int trackId, Kept kept) {
        Track track = em.find(Track.class, trackId);
        kept.result(track);
        // three lazy to-one proxies: the client shows them, so it initialises them while the session is open
        kept.related(track.getAlbum());
        kept.related(track.getGenre());
        kept.related(track.getMediaType());
    }

    /**
     * The entities one request keeps. Each is initialised and unproxied here, inside the session: a query may
     * return a proxy that the session already had for the row, and after the session closes an uninitialised
     * proxy can no longer load its entity.
     */
    private static final class Kept {
        private final List<ChinookEntity> results = new ArrayList<>();
        private final List<ChinookEntity> related = new ArrayList<>();

        void result(ChinookEntity entity) {
            results.add(real(entity));
        }

        void related(ChinookEntity entity) {
            if (entity != null) {
                related.add(real(entity));
            }
        }

        private static ChinookEntity real(ChinookEntity entity) {
            Hibernate.initialize(entity);
            return (ChinookEntity) Hibernate.unproxy(entity);
        }
    }
}
