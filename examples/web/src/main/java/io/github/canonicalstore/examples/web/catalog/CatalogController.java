package io.github.canonicalstore.examples.web.catalog;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The catalogue's pages: artists, albums, tracks and playlists. */
@Controller
public class CatalogController {
    private final CatalogService catalog;

    /** @param catalog the service that loads what the pages show */
    public CatalogController(CatalogService catalog) {
        this.catalog = catalog;
    }

    /** @return the start page */
    @GetMapping("/")
    public String index() {
        return "index";
    }

    /**
     * @param page the page number, from 0
     * @param model the view's model
     * @return the artist list
     */
    @GetMapping("/artists")
    public String artists(@RequestParam(defaultValue = "0") int page, Model model) {
        if (page < 0) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no page " + page);
        }
        model.addAttribute("list", catalog.artists(page));
        return "artists/list";
    }

    /**
     * @param id the artist's id
     * @param model the view's model
     * @return the artist page
     */
    @GetMapping("/artists/{id}")
    public String artist(@PathVariable int id, Model model) {
        model.addAttribute("page", catalog.artist(id).orElseThrow(() -> notFound("artist", id)));
        return "artists/detail";
    }

    /**
     * @param id the album's id
     * @param model the view's model
     * @return the album page
     */
    @GetMapping("/albums/{id}")
    public String album(@PathVariable int id, Model model) {
        model.addAttribute("page", catalog.album(id).orElseThrow(() -> notFound("album", id)));
        return "albums/detail";
    }

    /**
     * @param id the track's id
     * @param model the view's model
     * @return the track page
     */
    @GetMapping("/tracks/{id}")
    public String track(@PathVariable int id, Model model) {
        model.addAttribute("page", catalog.track(id).orElseThrow(() -> notFound("track", id)));
        return "tracks/detail";
    }

    /**
     * @param model the view's model
     * @return the playlist list
     */
    @GetMapping("/playlists")
    public String playlists(Model model) {
        model.addAttribute("playlists", catalog.playlists());
        return "playlists/list";
    }

    /**
     * @param id the playlist's id
     * @param model the view's model
     * @return the playlist page
     */
    @GetMapping("/playlists/{id}")
    public String playlist(@PathVariable int id, Model model) {
        model.addAttribute("playlist", catalog.playlist(id).orElseThrow(() -> notFound("playlist", id)));
        return "playlists/detail";
    }

    private static ResponseStatusException notFound(String what, int id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no " + what + " " + id);
    }
}
